#!/usr/bin/env python3
"""Two-fold check of story grouping on ../shared/stories-dev.

Splits the corpus's topics, sorted by name, into two halves (even and odd
positions), copies each half's articles with its part of truth.json into a
temporary folder at run time, and scores each half with
../shared/checks/stories.py. Tune on one half, report the other.

Usage: python3 scripts/stories-twofold.py [--dir ../shared/stories-dev] -- BIN stories --json
"""
import json, os, shutil, subprocess, sys, tempfile

args = sys.argv[1:]
here = os.path.dirname(os.path.abspath(__file__))
shared = os.path.join(here, '..', '..', 'shared')
d = os.path.join(shared, 'stories-dev')
if args[:1] == ['--dir']:
    d, args = args[1], args[2:]
if args[:1] == ['--']:
    args = args[1:]
if not args:
    sys.exit(__doc__)
check = os.path.join(os.path.dirname(os.path.abspath(d)), 'checks', 'stories.py')
truth = json.load(open(os.path.join(d, 'truth.json')))
topics = sorted({v['topic'] for v in truth.values()}, key=str)
halves = {'even': set(topics[0::2]), 'odd': set(topics[1::2])}
for name, half in halves.items():
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, 'articles'))
        sub = {k: v for k, v in truth.items() if v['topic'] in half}
        for k in sub:
            shutil.copy(os.path.join(d, 'articles', k), os.path.join(tmp, 'articles', k))
        json.dump(sub, open(os.path.join(tmp, 'truth.json'), 'w'))
        out = subprocess.run([sys.executable, check, '--dir', tmp, '--'] + args,
                             capture_output=True, text=True)
        print(f'== {name} half: {len(half)} topics ({", ".join(sorted(map(str, half)))})')
        sys.stdout.write(out.stdout)
        if out.returncode != 0:
            sys.stdout.write(out.stderr)
