import type { ColumnRole } from '../../core/train/infer-roles.ts';
import type { ColumnChoice } from '../../worker/train-protocol.ts';

interface Props {
  roles: ColumnRole[];
  choices: Record<string, ColumnChoice>;
  /** Columns the last training left out as probable leaks, with the reason. */
  leaks: Map<string, string>;
  onChoose: (column: string, choice: ColumnChoice) => void;
  disabled: boolean;
}

const usable = (r: ColumnRole) => r.role === 'numeric' || r.role === 'categorical';

/** What the page does with a column when the person has not decided: its inferred role, sensitive ones out. */
export function effectiveChoice(
  role: ColumnRole,
  choices: Record<string, ColumnChoice>,
  leaks: Map<string, string>,
): ColumnChoice {
  return (
    choices[role.name] ?? {
      include: usable(role) && !role.sensitive && !leaks.has(role.name),
      type: role.role === 'numeric' ? 'numeric' : 'categorical',
    }
  );
}

function why(role: ColumnRole, leak: string | undefined): string {
  if (leak) return `Probable leak: ${leak}`;
  if (usable(role) && role.sensitive)
    return `${role.reason}; may describe a protected characteristic, so left out unless you include it`;
  return role.reason;
}

/** Every column with its inferred role and reason; the person includes, leaves out, or switches its type. */
export function ColumnsTable({ roles, choices, leaks, onChoose, disabled }: Props) {
  return (
    <table className="train-columns" data-testid="train-columns">
      <caption>Columns of the file: what the model will use</caption>
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">Role</th>
          <th scope="col">Why</th>
          <th scope="col">Use</th>
          <th scope="col">Read as</th>
        </tr>
      </thead>
      <tbody>
        {roles.map((role) => {
          const fixed = role.role === 'outcome' || role.role === 'id';
          const choice = effectiveChoice(role, choices, leaks);
          const leak = leaks.get(role.name);
          return (
            <tr key={role.name} data-column={role.name}>
              <th scope="row">{role.name}</th>
              <td>
                {role.role === 'id' ? 'customer ID' : role.role}
                {role.sensitive && <span className="badge">sensitive</span>}
              </td>
              <td>{why(role, leak)}</td>
              <td>
                {!fixed && (
                  <input
                    type="checkbox"
                    aria-label={`Use ${role.name}`}
                    checked={choice.include}
                    disabled={disabled}
                    onChange={(e) =>
                      onChoose(role.name, {
                        ...choice,
                        include: e.target.checked,
                        keepLeak: e.target.checked && leak !== undefined,
                      })
                    }
                  />
                )}
              </td>
              <td>
                {!fixed && (
                  <select
                    aria-label={`Read ${role.name} as`}
                    value={choice.type}
                    disabled={disabled}
                    onChange={(e) => onChoose(role.name, { ...choice, type: e.target.value as ColumnChoice['type'] })}
                  >
                    <option value="numeric">numbers</option>
                    <option value="categorical">categories</option>
                  </select>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
