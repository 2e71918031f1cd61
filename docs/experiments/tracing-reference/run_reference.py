# Run OUTSIDE this repository, with a checkout of asaparov/learning_to_search and python3-torch:
#   python3 run_reference.py weights.txt examples.jsonl reference.jsonl path/to/learning_to_search
# Loads a workbench model (its weights dumped by DumpWeights.java) into the paper's Transformer and runs the
# paper's tracing script on each example: TransformerTracer.trace2, filter_irrelevant_nodes and the counting of
# do_analysis, one example at a time. Writes one JSON line per example (docs/tracing.md).
import sys, types, json, os, io, contextlib
import numpy as np
import torch
sys.path.insert(0, sys.argv[4] if len(sys.argv) > 4 else '../learning_to_search')
train_stub = types.ModuleType('train')
train_stub.generate_example = None; train_stub.lookahead_depth = None; train_stub.generate_eval_data = None
sys.modules['train'] = train_stub
import trace_circuit
from gpt2 import Transformer, AblationMode, ToeplitzMode, PositionEmbedding

weights_file, examples_file, out_file = sys.argv[1], sys.argv[2], sys.argv[3]
params = {}
for line in open(weights_file):
    parts = line.split()
    if len(parts) < 3: continue
    shape = tuple(int(x) for x in parts[1].strip('()').split(',') if x)
    params[parts[0]] = torch.tensor([float(x) for x in parts[2:]]).reshape(shape)
n = params['position_embedding'].shape[0]
width = params['position_embedding'].shape[1]
words = params['token_embedding'].shape[0]
layers = sum(1 for k in params if k.endswith('ln1_gamma'))
V = (n - 5) // 3
torch.manual_seed(0)
model = Transformer(layers=layers, pad_idx=V + 3, words=words, seq_len=n, heads=1, dims=width - n, rate=1, dropout=0.0,
                    bidirectional=True, pos_emb=PositionEmbedding.ABSOLUTE, learn_token_emb=False,
                    ablate=AblationMode.NO_ABLATION, toeplitz=ToeplitzMode.NONE, pre_ln=True)
d = width
with torch.no_grad():
    for l, t in enumerate(model.transformers):
        p = lambda s: params[[k for k in params if k.startswith('%02dblock%d_' % (l + 1, l)) and k.endswith(s)][0]]
        qkv_w, qkv_b = p('qkv_weight'), p('qkv_bias')
        t.attn.proj_q.weight.copy_(qkv_w[:d]); t.attn.proj_q.bias.copy_(qkv_b[:d])
        t.attn.proj_k.weight.copy_(qkv_w[d:2*d]); t.attn.proj_k.bias.copy_(qkv_b[d:2*d])
        t.attn.proj_v.weight.copy_(qkv_w[2*d:]); t.attn.proj_v.bias.copy_(qkv_b[2*d:])
        t.attn.linear.weight.copy_(p('out_weight')); t.attn.linear.bias.copy_(p('out_bias'))
        t.ln_attn.weight.copy_(p('ln1_gamma')); t.ln_attn.bias.copy_(p('ln1_beta'))
        t.ln_ff.weight.copy_(p('ln2_gamma')); t.ln_ff.bias.copy_(p('ln2_beta'))
        t.ff[0].weight.copy_(p('mlp_in_weight')); t.ff[0].bias.copy_(p('mlp_in_bias'))
        t.ff[3].weight.copy_(p('mlp_out_weight')); t.ff[3].bias.copy_(p('mlp_out_bias'))
    model.ln_head.weight.copy_(params['07ln_final_gamma'] if '07ln_final_gamma' in params else [v for k, v in params.items() if k.endswith('ln_final_gamma')][0])
    model.ln_head.bias.copy_([v for k, v in params.items() if k.endswith('ln_final_beta')][0])
model.eval()
tracer = trace_circuit.TransformerTracer(model)
trace_circuit.device = torch.device("cpu")
state_dir = os.path.abspath('reference-state')
ckpt = state_dir + '/x_%dlayer_inputsize%d_.pt' % (layers, n)
os.makedirs(state_dir, exist_ok=True)
done = set()
if os.path.exists(out_file):
    for line in open(out_file): done.add(json.loads(line)['index'])
with open(out_file, 'a') as out:
    for index, line in enumerate(open(examples_file)):
        if index in done: continue
        ex = json.loads(line)
        tokens = np.array([ex['tokens']]); label = np.array([ex['label']])
        trace_circuit.generate_eval_data = lambda *a, **k: (tokens, label)
        state = ckpt[:-3] + '.trace_lookahead1.jsonl'
        if os.path.exists(state): os.remove(state)
        with contextlib.redirect_stdout(io.StringIO()):
            prop, merges, subopt, dists, _, _, pm_ops = trace_circuit.do_analysis(ckpt, tracer, 1, 1, quiet=True)
        st = json.loads(open(state).readline())
        nodes = st['computation_nodes']
        layers_out = [dict() for _ in range(layers + 1)]
        explained = bool(prop > 0.5)
        if pm_ops:
            for node in pm_ops[0]:
                ids = sorted(set(int(tokens[0][r - (V + 5)]) for r in node.reachable if r >= V + 5) & set(range(1, V + 1)))
                layers_out[node.layer][str(node.row_id)] = ids
        out.write(json.dumps({'index': index, 'lookahead': ex['lookahead'], 'tokens': ex['tokens'], 'prediction': st['prediction'],
                              'explained': explained, 'path_merge_operations': round(float(merges)),
                              'suboptimal_roots': round(float(subopt) * float(merges)), 'layers': layers_out,
                              'important_ops': st['important_ops']}) + '\n')
        out.flush()
        print(index, ex['lookahead'], explained, merges, flush=True)
