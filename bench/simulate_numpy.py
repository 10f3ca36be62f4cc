"""The bench scenario of bench/simulate.ts, vectorised over sessions with numpy: the reference the engine's speed per
simulated call is held to (`npm run bench`). Same semantics as src/core/simulate/engine.ts for this scenario: 20 turns
of two calls (one tool call), log-normal tokens, per-call routing 60% to Haiku, conversation caching (reads of the
previous call's input on the same model when the entry is live and above the model's minimum, the rest written at the
cache-write rate; 5-minute lifetime against log-normal think time; 60% of lookups hit), geometric retries (15%, at most
3) that read the cache the call wrote. Prints JSON: sessions, calls, CPU and wall seconds, mean session cost."""
import json
import sys
import time

import numpy as np

Z90 = 1.2815515655446004


def lognormal(rng, p50, p90, size):
    sigma = (np.log(p90) - np.log(p50)) / Z90
    return np.exp(np.log(p50) + sigma * rng.standard_normal(size))


ROUTES = [
    dict(inp=3e-6, out=15e-6, read=0.3e-6, write=3.75e-6, min=1024),  # claude-sonnet-4-5
    dict(inp=1e-6, out=5e-6, read=0.1e-6, write=1.25e-6, min=4096),  # claude-haiku-4-5
]


def simulate(n, seed=1):
    rng = np.random.default_rng(seed)
    prefix = 2300.0
    clock = np.zeros(n)
    last = np.full((2, n), -np.inf)
    cached = np.zeros((2, n))
    messages = np.zeros(n)
    tools = np.zeros(n)
    cost = np.zeros(n)
    calls = 0.0
    for turn in range(20):
        if turn > 0:
            clock += lognormal(rng, 0.5, 3.5, n)
        user = lognormal(rng, 60, 200, n)
        turn_messages = np.zeros(n)
        turn_tools = np.zeros(n)
        for call in range(2):
            output = lognormal(rng, 200, 600, n)
            inp = prefix + user + messages + turn_messages + tools + turn_tools
            route = rng.random(n) < 0.6
            hit = rng.random(n) < 0.6
            fails = np.zeros(n)
            failing = np.ones(n, dtype=bool)
            for _ in range(3):
                failing &= rng.random(n) < 0.15
                fails += failing
            for r, on_route in ((0, ~route), (1, route)):
                rates = ROUTES[r]
                live = (clock - last[r]) <= 5
                match = np.minimum(np.where(live, cached[r], 0.0), inp)
                match = np.where(match < rates['min'], 0.0, match)
                cacheable = inp >= rates['min']
                read = np.where(hit & (match > 0), match, 0.0)
                write = np.where(cacheable, inp - read, 0.0)
                plain = inp - read - write
                c = read * rates['read'] + write * rates['write'] + plain * rates['inp'] + output * rates['out']
                retry_read = np.where(cacheable, inp, 0.0)
                c += fails * (retry_read * rates['read'] + (inp - retry_read) * rates['inp'] + output * rates['out'])
                cost += np.where(on_route, c, 0.0)
                touched = on_route & (cacheable | (read > 0))
                cached[r] = np.where(on_route & cacheable, inp, cached[r])
                last[r] = np.where(touched, clock, last[r])
            calls += n + fails.sum()
            turn_messages += output
            if call == 0:
                turn_tools += lognormal(rng, 800, 3000, n)
        messages += user + turn_messages
        tools += turn_tools
    np.sort(cost)
    return cost, calls


if __name__ == '__main__':
    sessions = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    simulate(10_000)  # warm-up, as the engine gets one
    start = time.process_time()
    wall = time.perf_counter()
    cost, calls = simulate(sessions)
    seconds = time.process_time() - start
    wall = time.perf_counter() - wall
    print(json.dumps({'sessions': sessions, 'calls': calls, 'cpuSeconds': seconds, 'wallSeconds': wall, 'meanCost': float(cost.mean()), 'numpy': np.__version__}))
