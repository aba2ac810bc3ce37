import { describe, expect, it } from 'vitest';
import { parseDeployConfig } from './deploy-config.ts';

describe('parseDeployConfig', () => {
  it('reads every key', () => {
    expect(
      parseDeployConfig(
        '{"embed_origins":["https://portal.example.com"],"default_model":"my-model","comfortable_file_mb":500}',
      ),
    ).toEqual({
      ok: true,
      value: { embed_origins: ['https://portal.example.com'], default_model: 'my-model', comfortable_file_mb: 500 },
    });
    expect(parseDeployConfig('{}')).toEqual({ ok: true, value: {} });
  });

  it.each([
    ['{', 'The deployment settings config.json are not valid JSON'],
    ['[]', 'are not valid ((root): '],
    ['{"embed_origin":["x"]}', 'Known keys: embed_origins, default_model, comfortable_file_mb.'],
    ['{"embed_origins":["not a url"]}', 'embed_origins.0: must be an origin such as "https://portal.example.com"'],
    ['{"default_model":"My Model"}', 'default_model: must be a model id'],
    ['{"comfortable_file_mb":-1}', 'comfortable_file_mb: '],
    ['{"comfortable_file_mb":"big"}', 'comfortable_file_mb: '],
  ])('refuses %s, saying what is wrong and that the defaults are used', (text, part) => {
    const parsed = parseDeployConfig(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problem).toContain(part);
      expect(parsed.problem).toContain('the defaults are used');
    }
  });
});
