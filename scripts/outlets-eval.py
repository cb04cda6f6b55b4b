#!/usr/bin/env python3
"""Outlets of `BIN show --json` against a hand-judged table.

Usage: python3 scripts/outlets-eval.py [--shared ../shared] [--half even|odd]
                                       [--kind text|html] [--misses] -- BIN
       python3 scripts/outlets-eval.py --encode < PLAIN > ROWS

scripts/outlets-judged.tsv holds, for the 120 eval-news pages of
scripts/bylines-dates-judged.tsv (the same ids and halves), the site's own
name as a reader would call it, read by a person from the page (masthead,
<title>, og:site_name, footer, domain): the site, not its owner, its
copyright holder or an agency whose story it carries. A page that Google's
hosted news shows for an agency (the agency's name before the headline in
<title>, "Hosted by" in the footer) is that agency's page. It holds only ids
and hashes (no names). Columns:

  id      the eval-news page id
  half    "odd" or "even" (as bylines-dates-judged.tsv: odd pages are held
          out, rules are written looking at even pages only)
  outlet  "" when the page does not name its site; else one or more names a
          reader would give it (the masthead's, the title's, the domain
          spelled: "Quay Herald", "QuayHerald.com"), joined by " | ", each
          written as KEY,INI,WORDS where
            KEY    the first ten hex digits of the SHA-1 of the name's outlet
                   key (below),
            INI    "-", or the hash of its initials ("qh" for "Quay Herald",
                   by feed.SameOutlet's rules: "the", "of", "and", "&"
                   skipped, every other word capitalised), or "^" and the
                   hash of its own letters when the name is itself initials
                   ("QH", "Q.H."),
            WORDS  each word's hash (casefolded, a leading "the" dropped),
                   so a wrong outlet that shares a word with the name can be
                   told apart.
          "h:" before the names marks a page whose text rendition does not
          print them (only its HTML does: <title>, a logo's alt, a link's
          domain): the text rendition of that page counts as not naming its
          site.

Matching is feed.SameOutlet's: a given outlet is right when its outlet key
equals a name's (case, a leading "The", and a bare domain's name part all
fold away: "the Quay Herald", "QUAY HERALD" and quayherald.example are one
outlet), or when one is the other's initials.

Outlet key (feed.outletKey): for a bare domain (labels of two characters or
more, "www." dropped, the last all letters) its first label, with a leading
"the" dropped when six letters or more remain counted from the label's start;
else the name without a leading "the ". Then its letters and digits only, in
lower case.

Scores, per rendition, on pages that name their site:
  right   the given outlet is one of the page's names
  wrong   another name is given (an owner, an agency, a section, ...)
  empty   no outlet given
and on pages that do not name it: how many are given an outlet anyway.

Skips cleanly (exit 0) when ../shared is absent.
"""
import hashlib
import importlib.util
import os
import re
import sys
import unicodedata
from collections import Counter

TOKEN = re.compile(r'\w+')


def hashed(s):
    return hashlib.sha1(s.encode('utf-8')).hexdigest()[:10]


def is_bare_domain(s):
    s = s[4:] if s[:4].lower() == 'www.' else s
    labels = s.split('.')
    if len(labels) < 2:
        return False
    for lab in labels:
        if len(lab) < 2 or not re.fullmatch(r'[A-Za-z0-9-]+', lab):
            return False
    return labels[-1].isalpha()


def key_part(name):
    s = name.strip()
    if not is_bare_domain(s):
        return s[4:] if s[:4].lower() == 'the ' else s
    s = s[4:] if s[:4].lower() == 'www.' else s
    s = s[:s.index('.')]
    if len(s) >= 6 and s[:3].lower() == 'the':
        s = s[3:]
    return s


def outlet_key(name):
    return ''.join(c.lower() for c in key_part(name) if c.isalpha() or c.isdigit())


def initials_shape(s):
    """The letters of a name that is itself initials ("WSJ", "A.P."), or ''."""
    letters = s.strip().replace('.', '')
    if 2 <= len(letters) <= 6 and all('A' <= c <= 'Z' for c in letters):
        return letters
    return ''


def initials_of(name):
    """A name's initials by feed.initialsOf's rules, or ''."""
    out = []
    for w in name.split():
        if w.lower() in ('the', 'of', 'and', '&'):
            continue
        if not ('A' <= w[0] <= 'Z'):
            return ''
        out.append(w[0])
    return ''.join(out) if len(out) >= 2 else ''


def words(name):
    t = TOKEN.findall(unicodedata.normalize('NFKC', name).casefold())
    if t and t[0] == 'the':
        t = t[1:]
    return t


def encode_name(name):
    k = outlet_key(name)
    own = initials_shape(name)
    if own:
        ini = '^' + hashed(own.lower())
    else:
        i = initials_of(name)
        ini = hashed(i.lower()) if i else '-'
    return '%s,%s,%s' % (hashed(k), ini, ' '.join(hashed(w) for w in words(name)))


def parse_cell(cell):
    html_only = cell.startswith('h:')
    if html_only:
        cell = cell[2:]
    alts = []
    for a in cell.split(' | ') if cell else []:
        k, ini, w = a.split(',', 2)
        alts.append({'key': k, 'ini': ini, 'words': w.split()})
    return html_only, alts


def matches(alts, got):
    """Whether a given outlet names one of the judged names, as feed.SameOutlet."""
    if not got.strip():
        return False
    k = outlet_key(got)
    own = initials_shape(got)
    ini = initials_of(got.strip())
    for a in alts:
        if k and hashed(k) == a['key']:
            return True
        if a['ini'].startswith('^'):
            if ini and hashed(ini.lower()) == a['ini'][1:]:
                return True
        elif own and a['ini'] != '-' and hashed(own.lower()) == a['ini']:
            return True
    return False


def shares_word(alts, got):
    hs = {hashed(w) for w in words(got)}
    return any(hs & set(a['words']) for a in alts)


def load(path):
    rows = []
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        f = line.split('\t') + ['', '']
        html_only, alts = parse_cell(f[2])
        rows.append({'id': f[0], 'half': f[1], 'html_only': html_only, 'alts': alts})
    return rows


def encode():
    """PLAIN rows "id<TAB>half<TAB>[h:]Name|Name" in, hashed rows out."""
    for line in sys.stdin:
        f = line.rstrip('\n').split('\t') + ['', '']
        cell = f[2]
        pre = ''
        if cell.startswith('h:'):
            pre, cell = 'h:', cell[2:]
        names = [n.strip() for n in cell.split('|') if n.strip()]
        print('%s\t%s\t%s' % (f[0], f[1], (pre + ' | '.join(encode_name(n) for n in names)) if names else ''))


def main():
    args = sys.argv[1:]
    if args[:1] == ['--encode']:
        encode()
        return
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location('bdeval', os.path.join(here, 'bylines-dates-eval.py'))
    bdeval = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bdeval)
    shared, halves, kinds, misses, binary = bdeval.parse_args(args, __doc__)
    d = os.path.join(shared, 'eval-news')
    if not os.path.isdir(d):
        print('outlets-eval: no %s; skipped' % d)
        return
    rows = load(os.path.join(here, 'outlets-judged.tsv'))
    for half, kind, hr, got in bdeval.each_run(binary, d, rows, halves, kinds):
        n, bad = Counter(), []
        for r in hr:
            g = got.get(r['id'], {})
            go, src = g.get('outlet', '') or '', g.get('outlet_source', '') or ''
            named = bool(r['alts']) and not (kind == 'text' and r['html_only'])
            if not named:
                n['unnamed'] += 1
                n['unnamed_given'] += bool(go)
                continue
            n['named'] += 1
            if not go:
                n['empty'] += 1
                bad.append((r['id'], 'empty', go, src))
            elif matches(r['alts'], go):
                n['right'] += 1
            else:
                n['wrong'] += 1
                bad.append((r['id'], 'wrong, shares a word' if shares_word(r['alts'], go) else 'wrong', go, src))
        print('eval-news %s, %s ids (hand-judged outlets): %d pages, %d name their site' % (kind, half, len(hr), n['named']))
        print('  outlet right  %d/%d (%.0f%%)' % (n['right'], n['named'], 100 * n['right'] / max(1, n['named'])))
        print('  outlet wrong  %d' % n['wrong'])
        print('  outlet empty  %d' % n['empty'])
        print('  given where the page names none: %d of %d' % (n['unnamed_given'], n['unnamed']))
        if misses:
            for b in bad:
                print('    %s %-20s got %r (%s)' % b)


if __name__ == '__main__':
    main()
