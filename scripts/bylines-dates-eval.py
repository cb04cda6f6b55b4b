#!/usr/bin/env python3
"""Bylines and dates of `BIN show --json` against a hand-judged table.

Usage: python3 scripts/bylines-dates-eval.py [--shared ../shared] [--half even|odd]
                                             [--kind text|html] [--misses] -- BIN

scripts/bylines-dates-judged.tsv holds, for eval-news pages read one by one
by a person, what each page shows under or beside its headline: the byline
and the published day. It holds only page ids and these short values (no
article text). Columns:

  id      the eval-news page id
  half    "odd" or "even": the page's place in eval-news sorted by id
          (meta-eval.py's --half). Odd pages are held out: rules are
          written looking at even pages only.
  byline  the names the page prints as the story's author(s), "" when it
          prints none, kept as words, not names: each word (casefolded,
          "by"/"and" dropped, as below) is written as the first ten hex
          digits of its SHA-1, so the table holds no one's name from the
          pages and a given byline is compared word by word all the same. "~Name" marks a credit that is only an agency or a
          desk ("By CP", "The Associated Press"): either that or no byline
          is right.
  date    the published day the page prints (YYYY-MM-DD); "u:DAY" when the
          page prints only an updated day (no published day shown); "t:DAY"
          when it prints a day only at the top of the page, away from the
          article (a masthead's or the site's clock: not shown as the
          story's day, so no published day); "m:DAY"
          when only the HTML's markup states it (nothing visible, so it
          counts for the HTML rendition only); "" when the page shows none.

Scores, per rendition:
  byline near    pages that print a byline whose given byline matches it
                 (token-bag F1 >= 0.8 after casefold, "by"/"and" dropped,
                 as meta-eval.py)
  byline junk    pages given a byline that is not the page's (on pages
                 without one, or a wrong one on pages with one)
  byline right   all pages: near, or empty where the page prints none
                 (an agency credit may be given or not)
  date same day  pages that print a published day given that day
  date extra     pages that print no published day but are given one
                 other than the updated or top-of-page day they print
                 (counted, not scored: a day may be right from the markup)

Skips cleanly (exit 0) when ../shared is absent.
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter

TOKEN = re.compile(r'\w+')


def toks(s):
    return [t for t in TOKEN.findall(unicodedata.normalize('NFKC', s or '').casefold()) if t not in ('by', 'and')]


def hashed(word):
    return hashlib.sha1(word.encode('utf-8')).hexdigest()[:10]


def near(want, got):
    """want: the table's hashed words; got: a byline as given."""
    a, b = Counter(want.split()), Counter(hashed(t) for t in toks(got))
    common = sum((a & b).values())
    if not common:
        return False
    p, r = common / sum(b.values()), common / sum(a.values())
    return 2 * p * r / (p + r) >= 0.8


def load(path):
    rows = []
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        f = line.split('\t')
        f += [''] * (4 - len(f))
        rows.append({'id': f[0], 'half': f[1], 'byline': f[2], 'date': f[3]})
    return rows


def run_all(binary, files):
    """show --json over a folder of links to files: one process per rendition."""
    out = {}
    with tempfile.TemporaryDirectory(prefix='bdeval-') as tmp:
        d = os.path.join(tmp, 'pages')
        os.mkdir(d)
        for f in files:
            os.symlink(os.path.abspath(f), os.path.join(d, os.path.basename(f)))
        p = subprocess.run(binary + ['show', '--json', d], capture_output=True, text=True, timeout=600)
        for line in p.stdout.splitlines():
            try:
                r = json.loads(line)
            except ValueError:
                continue
            out[os.path.basename(r.get('path', '')).rsplit('.', 1)[0]] = r
    return out


def parse_args(args, usage):
    """Reads the options this script and outlets-eval.py share: returns
    the shared folder, the halves, the renditions, whether to list the
    misses, and the command after "--"."""
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.path.join(here, '..', '..', 'shared')
    halves, kinds, misses = ['even', 'odd'], ['text', 'html'], False
    while args and args[0] != '--':
        if args[0] == '--shared':
            shared, args = args[1], args[2:]
        elif args[0] == '--half':
            halves, args = [args[1]], args[2:]
        elif args[0] == '--kind':
            kinds, args = [args[1]], args[2:]
        elif args[0] == '--misses':
            misses, args = True, args[1:]
        else:
            sys.exit(usage)
    binary = args[1:]
    if not binary:
        sys.exit(usage)
    return shared, halves, kinds, misses, binary


def each_run(binary, d, rows, halves, kinds):
    """Runs the command over the judged pages of each half and rendition
    (d is eval-news): yields the half, the rendition, the half's rows,
    and the command's articles by page id."""
    for half in halves:
        hr = [r for r in rows if r['half'] == half]
        if not hr:
            continue
        for kind in kinds:
            ext = 'txt' if kind == 'text' else 'html'
            files = [os.path.join(d, kind, r['id'] + '.' + ext) for r in hr]
            yield half, kind, hr, run_all(binary, [f for f in files if os.path.exists(f)])


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    shared, halves, kinds, misses, binary = parse_args(sys.argv[1:], __doc__)
    d = os.path.join(shared, 'eval-news')
    if not os.path.isdir(d):
        print('bylines-dates-eval: no %s; skipped' % d)
        return
    rows = load(os.path.join(here, 'bylines-dates-judged.tsv'))
    for half, kind, hr, got in each_run(binary, d, rows, halves, kinds):
        n, bad = Counter(), []
        for r in hr:
            g = got.get(r['id'], {})
            gb, gd = g.get('byline', '') or '', g.get('date', '') or ''
            n['pages'] += 1
            wb = r['byline']
            agency = wb.startswith('~')
            wb = wb.lstrip('~')
            if wb and not agency:
                n['byline_n'] += 1
                ok = bool(gb) and near(wb, gb)
                n['byline_near'] += ok
                n['byline_junk'] += bool(gb) and not ok
                right = ok
            else:
                ok = not gb or (agency and near(wb, gb))
                n['byline_junk'] += not ok
                right = ok
            n['byline_right'] += right
            if not right:
                bad.append((r['id'], 'byline', r['byline'], gb))
            wd = r['date']
            if wd.startswith('m:'):
                wd = wd[2:] if kind == 'html' else ''
            if wd and ':' not in wd:
                n['date_n'] += 1
                n['date_ok'] += gd[:10] == wd
                if gd[:10] != wd:
                    bad.append((r['id'], 'date', wd, gd))
            else:
                upd = wd[2:] if wd[:2] in ('u:', 't:') else ''
                n['date_none'] += 1
                if gd and gd[:10] != upd:
                    n['date_extra'] += 1
                    bad.append((r['id'], 'date?', wd, gd))
        print('eval-news %s, %s ids (hand-judged): %d pages' % (kind, half, n['pages']))
        print('  byline near   %d/%d (%.0f%%)' % (n['byline_near'], n['byline_n'], 100 * n['byline_near'] / max(1, n['byline_n'])))
        print('  byline junk   %d' % n['byline_junk'])
        print('  byline right  %d/%d (%.0f%%)' % (n['byline_right'], n['pages'], 100 * n['byline_right'] / max(1, n['pages'])))
        print('  date same day %d/%d (%.0f%%)' % (n['date_ok'], n['date_n'], 100 * n['date_ok'] / max(1, n['date_n'])))
        print('  date extra    %d of %d pages without a published day' % (n['date_extra'], n['date_none']))
        if misses:
            for b in bad:
                print('    %s %-6s want %r got %r' % b)


if __name__ == '__main__':
    main()
