"""Writes p = sigmoid(X·w + b) as ONNX, byte for byte what scripts/train/write-onnx.ts (buildLogisticOnnx) writes.

Why by hand: the graph is two nodes and two initializers, about a dozen protobuf fields. Debian's python3-onnx
would add a dependency (and protobuf) to CI for that, and calling the TypeScript writer from Python would make the
converter need Node and node_modules. from-sklearn.test.ts checks that these bytes equal buildLogisticOnnx's for the
same model, so the two writers cannot drift apart silently.

Protobuf wire format (https://protobuf.dev/programming-guides/encoding/): a field is a varint key
(number << 3 | wire type) then a varint (type 0) or a length-prefixed body (type 2). Fields are written in
field-number order, as protobufjs does; repeated numbers (dims, float_data) are packed.
Field numbers are those of onnx.proto (ModelProto, GraphProto, NodeProto, TensorProto, ValueInfoProto, TypeProto).
"""
import struct

OPSET_VERSION = 13  # Gemm with unidirectional broadcast of C, and Sigmoid, in the default domain.
IR_VERSION = 8  # as write-onnx.ts: the newest IR onnx-proto describes; onnxruntime-web reads it.
PRODUCER_NAME = "churn-radar-trainer"
FLOAT = 1  # TensorProto.DataType.FLOAT
WEIGHTS, BIAS, LOGIT = "coefficients", "intercept", "logit"


def _varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _int(field, n):
    return _varint(field << 3) + _varint(n)


def _bytes(field, body):
    return _varint(field << 3 | 2) + _varint(len(body)) + body


def _str(field, text):
    return _bytes(field, text.encode("utf-8"))


def _node(name, op_type, inputs, outputs):
    return b"".join([*(_str(1, i) for i in inputs), *(_str(2, o) for o in outputs), _str(3, name), _str(4, op_type)])


def _float_tensor(name, dims, values):
    packed_dims = b"".join(_varint(d) for d in dims)
    # float_data is float32: each float64 value is rounded to nearest, as protobufjs's writer.float does.
    packed_floats = b"".join(struct.pack("<f", v) for v in values)
    return _bytes(1, packed_dims) + _int(2, FLOAT) + _bytes(4, packed_floats) + _str(8, name)


def _float_matrix_info(name, columns):
    """A float32 [N, columns] value with a symbolic batch dimension."""
    shape = _bytes(1, _str(2, "N")) + _bytes(1, _int(1, columns))
    tensor_type = _int(1, FLOAT) + _bytes(2, shape)
    return _str(1, name) + _bytes(2, _bytes(1, tensor_type))


def build_logistic_onnx(coefficients, intercept, input_name, output_name, graph_name, doc_string=None):
    names = [input_name, output_name, WEIGHTS, BIAS, LOGIT]
    if not coefficients:
        raise ValueError("build_logistic_onnx: no coefficients")
    if any(n == "" for n in names) or len(set(names)) != len(names):
        raise ValueError(f"build_logistic_onnx: input/output names must be non-empty and not one of {WEIGHTS}, {BIAS}, {LOGIT}")
    graph = b"".join([
        _bytes(1, _node("linear", "Gemm", [input_name, WEIGHTS, BIAS], [LOGIT])),
        _bytes(1, _node("probability", "Sigmoid", [LOGIT], [output_name])),
        _str(2, graph_name),
        _bytes(5, _float_tensor(WEIGHTS, [len(coefficients), 1], coefficients)),
        _bytes(5, _float_tensor(BIAS, [1], [intercept])),
        _bytes(11, _float_matrix_info(input_name, len(coefficients))),
        _bytes(12, _float_matrix_info(output_name, 1)),
    ])
    # OperatorSetIdProto: domain "" is written explicitly, as protobufjs does for a field that was set.
    opset = _str(1, "") + _int(2, OPSET_VERSION)
    doc = b"" if doc_string is None else _str(6, doc_string)
    return _int(1, IR_VERSION) + _str(2, PRODUCER_NAME) + doc + _bytes(7, graph) + _bytes(8, opset)
