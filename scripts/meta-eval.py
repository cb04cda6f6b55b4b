#!/usr/bin/env python3
"""Outlet, byline and date accuracy of `BIN show --json` on ../shared.

Usage: python3 scripts/meta-eval.py [--shared ../shared] [--set eval-dev|eval-news]
                                    [--kind text|html] [--half even|odd] [--misses] -- BIN

--half keeps every other page of a set, sorted by id: rules are fitted
looking at the even half's misses, and the odd half (and eval-news) is
reported as held out.

For every page of each set and rendition it runs `BIN show --json PAGE`
and compares outlet, byline and date with silver labels:

eval-dev
  outlet  meta_silver.json's outlet + outlet_aliases (read from the page's
          own markup where two places agree).
  date    meta_silver.json's date (article:published_time or JSON-LD
          datePublished).
  byline  read here from the HTML rendition's own markup: JSON-LD
          author.name, else <meta name="author">, else
          <meta property="article:author"> when it is not a URL; parts
          that are one word, a domain or the outlet are dropped. Silver:
          markup may still name a desk.
eval-news (2008 pages; little metadata, so fewer labelled pages)
  outlet  the <title>'s site part ("Story | Gazette") when another place
          agrees: <meta name="author|publisher|application-name"> or a
          copyright line of the page.
  date    <meta name="pubdate|PUBDATE|date|DC.date…|PrintPubDate…">.
  byline  <meta name="author"> when it is a person's name (two or three
          capitalised words, none of them a desk or company word) and the
          visible page prints it after "By".
All labels of a page come from its HTML file and are used for both the
HTML and the text rendition; for the text rendition they are a truth the
extractor never sees. Figures are silver, not ground truth.

Matching: outlet = equal after casefold, keeping letters and digits and
dropping a leading "the", a leading "www" and a trailing TLD, or one is the
initials of the other (WSJ = The Wall Street Journal). Date = the same day.
Byline = token-bag F1 >= 0.8 after casefold, "by"/"and" dropped. A page
with no silver byline counts the bylines the reader gave it as "unchecked".

Skips cleanly (exit 0) when ../shared is absent.
"""
import datetime as dt
import html
import html.parser
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter

TOKEN = re.compile(r'\w+')


def toks(s):
    return TOKEN.findall(unicodedata.normalize('NFKC', s or '').casefold())


def outlet_key(s):
    t = toks(s)
    if t[:1] == ['www']:
        t = t[1:]
    if t[:1] == ['the']:
        t = t[1:]
    while len(t) > 1 and t[-1] in ('com', 'net', 'org', 'co', 'uk', 'ca', 'br', 'au', 'ng', 'in', 'it', 'de', 'info'):
        t = t[:-1]
    return ''.join(t)


def initials(s):
    t = [w for w in toks(s) if w not in ('the', 'of', 'and')]
    return ''.join(w[0] for w in t) if len(t) >= 2 else ''


def outlet_ok(aliases, pred):
    kp = outlet_key(pred)
    if not kp:
        return False
    for a in aliases:
        ka = outlet_key(a)
        if ka and (ka == kp or initials(a) == kp or initials(pred) == ka):
            return True
    return False


def byline_ok(gold, pred):
    g = [w for w in toks(gold) if w not in ('by', 'and')]
    p = [w for w in toks(pred) if w not in ('by', 'and')]
    if not g or not p:
        return False
    common = sum((Counter(g) & Counter(p)).values())
    if not common:
        return False
    pr, rc = common / len(p), common / len(g)
    return 2 * pr * rc / (pr + rc) >= 0.8


def iso_day(s):
    m = re.search(r'(\d{4})-(\d{2})-(\d{2})', s or '')
    if not m:
        return None
    try:
        return dt.date(*map(int, m.groups()))
    except ValueError:
        return None


MONTHS = {m: i for i, ms in enumerate(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'], 1) for m in [ms]}


def loose_day(s):
    """A day from a meta tag's content: ISO, "Jan 16, 2008", "12/30/2007"."""
    d = iso_day(s)
    if d:
        return d
    low = (s or '').casefold()
    m = re.search(r'([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})', low)
    if m and m.group(1) in MONTHS:
        try:
            return dt.date(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2)))
        except ValueError:
            return None
    m = re.search(r'\b(\d{1,2})/(\d{1,2})/(\d{4})\b', low)
    if m:  # US order: these pages are mostly American
        try:
            return dt.date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
        except ValueError:
            return None
    return None


class Markup(html.parser.HTMLParser):
    """Collects meta tags, JSON-LD blocks, the <title> and the visible text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta, self.ld, self.title, self.text = {}, [], '', []
        self._in = None

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or '') for k, v in attrs}
        if tag == 'meta':
            k = (a.get('name') or a.get('property') or a.get('itemprop') or '').lower()
            if k and a.get('content', '').strip():
                self.meta.setdefault(k, a['content'].strip())
        elif tag == 'script' and 'ld+json' in a.get('type', ''):
            self._in = 'ld'
            self.ld.append('')
        elif tag in ('script', 'style'):
            self._in = 'skip'
        elif tag == 'title' and not self.title:
            self._in = 'title'

    def handle_endtag(self, tag):
        if tag in ('script', 'style', 'title'):
            self._in = None

    def handle_data(self, data):
        if self._in == 'ld':
            self.ld[-1] += data
        elif self._in == 'title':
            self.title += data
        elif self._in is None:
            self.text.append(data)


def parse(path):
    m = Markup()
    raw = open(path, 'rb').read().decode('utf-8', 'replace')
    try:
        m.feed(raw)
    except Exception:
        pass
    m.visible = ' '.join(' '.join(m.text).split())
    return m


def ld_objects(m):
    out = []

    def walk(o):
        if isinstance(o, list):
            for x in o:
                walk(x)
        elif isinstance(o, dict):
            out.append(o)
            walk(o.get('@graph', []))
    for s in m.ld:
        try:
            walk(json.loads(s))
        except ValueError:
            pass
    return out


def names(a):
    if isinstance(a, str):
        return [a]
    if isinstance(a, dict):
        return names(a.get('name', ''))
    if isinstance(a, list):
        return [n for x in a for n in names(x)]
    return []


def dev_byline(m):
    for o in ld_objects(m):
        if 'author' in o:
            ns = [n.strip() for n in names(o['author']) if n.strip() and '://' not in n]
            if ns:
                return ', '.join(ns)
    for k in ('author', 'article:author'):
        v = m.meta.get(k, '')
        if v and '://' not in v:
            return v
    return ''


DESK = {'editor', 'team', 'staff', 'news', 'newsroom', 'media', 'interactive', 'design', 'network', 'ltd',
        'inc', 'the', 'times', 'sun', 'journal', 'star', 'advertiser', 'online', 'wire', 'press', 'tv'}


def news_labels(m):
    lab = {}
    for k in ('pubdate', 'printpubdate', 'rbpubdate', 't_omni_pubdate', 'date', 'dc.date', 'dc.date.issued',
              'publish-date', 'publishdate', 'original-publish-date'):
        d = loose_day(m.meta.get(k, ''))
        if d:
            lab['date'] = d.isoformat()
            break
    a = m.meta.get('author', '')
    w = a.split()
    if 2 <= len(w) <= 3 and all(x[:1].isupper() and x.isalpha() for x in w) and \
            not any(x.lower() in DESK for x in w) and re.search(r'\bby:?\s+' + re.escape(a), m.visible, re.I):
        lab['byline'] = a
    title = ' '.join(html.unescape(m.title).split())
    parts = re.split(r'\s+[|\-–—:]\s+', title)
    if len(parts) >= 2:
        others = [m.meta.get(k, '') for k in ('author', 'publisher', 'application-name', 'copyright')]
        others += re.findall(r'(?:©|&copy;|\(c\)|copyright)[^.|]{0,80}', m.visible, re.I)
        for site in (parts[-1], parts[0]):
            ks = outlet_key(site)
            if len(ks) < 3 or len(site.split()) > 5:
                continue
            if any(ks and (outlet_key(o) == ks or ks in outlet_key(o) and len(ks) >= 5) for o in others if o):
                lab['outlet'] = site
                lab['outlet_aliases'] = [site]
                break
    return lab


def run(binary, path):
    try:
        p = subprocess.run(binary + ['show', '--json', path], capture_output=True, text=True, timeout=60)
        return json.loads(p.stdout.splitlines()[0]) if p.returncode == 0 and p.stdout else {}
    except (subprocess.TimeoutExpired, ValueError, IndexError):
        return {}


def main():
    args = sys.argv[1:]
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.path.join(here, '..', '..', 'shared')
    sets, kinds, misses, half = ['eval-dev', 'eval-news'], ['text', 'html'], False, ''
    while args and args[0] != '--':
        if args[0] == '--shared':
            shared, args = args[1], args[2:]
        elif args[0] == '--set':
            sets, args = [args[1]], args[2:]
        elif args[0] == '--kind':
            kinds, args = [args[1]], args[2:]
        elif args[0] == '--half':
            half, args = args[1], args[2:]
        elif args[0] == '--misses':
            misses, args = True, args[1:]
        else:
            sys.exit(__doc__)
    binary = args[1:]
    if not binary:
        sys.exit(__doc__)
    if not os.path.isdir(shared):
        print('meta-eval: no %s; skipped' % shared)
        return
    for name in sets:
        d = os.path.join(shared, name)
        if not os.path.isdir(d):
            print('meta-eval: no %s; skipped' % d)
            continue
        silver = json.load(open(os.path.join(d, 'meta_silver.json')))
        ids = sorted(f[:-5] for f in os.listdir(os.path.join(d, 'html')) if f.endswith('.html'))
        if half:
            ids = ids[0::2] if half == 'even' else ids[1::2]
        labels = {}
        for i in ids:
            m = parse(os.path.join(d, 'html', i + '.html'))
            if name == 'eval-dev':
                s = silver.get(i, {})
                lab = {k: s[k] for k in ('outlet_aliases', 'date') if s.get(k)}
                if s.get('outlet'):
                    lab['outlet_aliases'] = [s['outlet']] + s.get('outlet_aliases', [])
                # A desk or the site as "author" is no byline: keep the
                # parts that are names of two words or more.
                b = [x.strip() for x in dev_byline(m).split(',')]
                b = [x for x in b if len(x.split()) >= 2 and not re.search(r'\w\.\w', x) and
                     not outlet_ok(lab.get('outlet_aliases', []), x)]
                if b:
                    lab['byline'] = ', '.join(b)
            else:
                lab = news_labels(m)
            labels[i] = lab
        for kind in kinds:
            ext = 'txt' if kind == 'text' else 'html'
            n = Counter()
            rows = []
            for i in ids:
                f = os.path.join(d, kind, i + '.' + ext)
                if not os.path.exists(f):
                    continue
                out, lab = run(binary, f), labels[i]
                n['pages'] += 1
                if 'outlet_aliases' in lab:
                    ok = outlet_ok(lab['outlet_aliases'], out.get('outlet', ''))
                    n['outlet_n'] += 1
                    n['outlet_ok'] += ok
                    if not ok:
                        rows.append((i, 'outlet', lab['outlet_aliases'][0], out.get('outlet', ''), out.get('outlet_source', '')))
                if 'date' in lab:
                    ok = iso_day(out.get('date', '')) == dt.date.fromisoformat(lab['date'])
                    n['date_n'] += 1
                    n['date_ok'] += ok
                    n['date_empty'] += not out.get('date')
                    if not ok:
                        rows.append((i, 'date', lab['date'], out.get('date', ''), out.get('date_source', '')))
                if 'byline' in lab:
                    ok = byline_ok(lab['byline'], out.get('byline', ''))
                    n['byline_n'] += 1
                    n['byline_ok'] += ok
                    n['byline_empty'] += not out.get('byline')
                    if not ok:
                        rows.append((i, 'byline', lab['byline'], out.get('byline', ''), ''))
                elif out.get('byline'):
                    n['byline_unchecked'] += 1
                    rows.append((i, 'byline?', '', out.get('byline', ''), ''))

            def pct(a, b):
                return '%d/%d (%.0f%%)' % (a, b, 100 * a / b) if b else 'n/a'
            print('%s %s%s: %d pages' % (name, kind, ' (%s half)' % half if half else '', n['pages']))
            print('  outlet  %s' % pct(n['outlet_ok'], n['outlet_n']))
            print('  date    %s same day; %d empty' % (pct(n['date_ok'], n['date_n']), n['date_empty']))
            print('  byline  %s near; %d empty; %d bylines on pages without a silver byline' % (
                pct(n['byline_ok'], n['byline_n']), n['byline_empty'], n['byline_unchecked']))
            if misses:
                for r in rows:
                    print('    %s %-7s want %r got %r %s' % (r[0][:10], r[1], r[2], r[3], r[4]))


if __name__ == '__main__':
    main()
