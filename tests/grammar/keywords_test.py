#!/usr/bin/env python3
"""The keywords are chosen against the words of the law: every keyword of grammar/Ssd.g4 is listed
in grammar/keywords.tsv, and a keyword that is a word of the seeds (grammar/seed-vocabulary.tsv)
must be listed there as used by the law in the keyword's own sense. docs/language.md gives each
keyword a row of its table.

    keywords_test.py ROOT
"""
import os
import re
import sys


def main():
    root = sys.argv[1]
    with open(os.path.join(root, "grammar", "Ssd.g4"), encoding="utf-8") as f:
        grammar = dict((word, token) for token, word in re.findall(r"^([A-Z_]+)\s*:\s*'(\w+)'\s*;", f.read(), re.M))
    listed = {}
    with open(os.path.join(root, "grammar", "keywords.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            word, token, law, sense, old = line.rstrip("\n").split("\t")
            listed[word] = (token, law, sense, old)
    vocabulary = set()
    with open(os.path.join(root, "grammar", "seed-vocabulary.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                vocabulary.add(line.split("\t")[0])
    with open(os.path.join(root, "docs", "language.md"), encoding="utf-8") as f:
        docs = f.read()
    if len(vocabulary) < 1000 or len(grammar) < 40:
        return fail(["the vocabulary or the grammar was not read: %d words, %d keywords" % (len(vocabulary), len(grammar))])

    problems = []
    for word, token in sorted(grammar.items()):
        if word not in listed:
            problems.append("%s (%s) is a keyword of the grammar but not in grammar/keywords.tsv" % (word, token))
            continue
        if listed[word][0] != token:
            problems.append("%s is %s in the grammar, %s in keywords.tsv" % (word, token, listed[word][0]))
        law = listed[word][1]
        if word in vocabulary and law != "same sense":
            problems.append("%s is a word of the law, and keywords.tsv does not list it as used in the keyword's own sense" % word)
        if word not in vocabulary and law != "no":
            problems.append("%s is listed as a word of the law, but the seeds do not have it" % word)
        if not listed[word][2]:
            problems.append("%s has no sense in keywords.tsv" % word)
        if "| `%s` |" % word not in docs:
            problems.append("%s has no row in the keyword table of docs/language.md" % word)
    for word in sorted(set(listed) - set(grammar)):
        problems.append("%s is in keywords.tsv but is no keyword of the grammar" % word)
    for word, (_, _, _, old) in listed.items():
        for spelling in filter(None, (s.strip() for s in old.split(","))):
            if spelling in grammar:
                problems.append("%s, the old spelling of %s, is still a keyword" % (spelling, word))
    return fail(problems) if problems else print("%d keywords, %d of them words of the law in their own sense" %
                                                 (len(grammar), sum(1 for w in grammar if w in vocabulary)))


def fail(problems):
    for p in problems:
        print("FAIL " + p)
    return 1


if __name__ == "__main__":
    sys.exit(main())
