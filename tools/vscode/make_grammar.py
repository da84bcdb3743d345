#!/usr/bin/env python3
"""Writes syntaxes/ssd.tmLanguage.json, the TextMate grammar of .ssd, with the keywords of
grammar/Ssd.g4's lexer (test/scopes.js checks that none is missing). Run it after a keyword is
added: python3 tools/vscode/make_grammar.py"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
GRAMMAR = os.path.join(HERE, "..", "..", "grammar", "Ssd.g4")

# Keywords by role, for scopes that themes colour differently; the others are keyword.other.
STRUCTURE = {"стандарт", "өзгеріс", "тармақ", "тармақша", "абзац", "қосымша", "жол", "тақырыбы", "тізбе", "өріс",
             "сәйкестік_кестесі", "бұдан_әрі", "талап", "мысал", "жазба"}
AMENDMENT = {"мынадай_редакцияда", "толықтырылсын", "алып_тасталсын", "күші_жойылсын", "өзгерісінде", "мәтінімен",
             "нұсқау", "қазақ_мәтіні_өзгермейді"}
LOGIC = {"және", "немесе", "емес", "егер", "болса", "әйтпесе", "болмаса", "тізімінде", "әрбір", "кемінде_біреуі",
         "қайда", "қосынды"}
CONSTANTS = {"ақиқат", "жалған"}
# compiler/src/units.cpp
UNITS = ["күнтізбелік[ _]күн", "жұмыс[ _]күні", "күн", "апта", "ай", "жыл", "м²", "шаршы метр"]

NOT_WORD_BEFORE = r"(?<![\p{L}\p{N}_])"
NOT_WORD_AFTER = r"(?![\p{L}\p{N}_])"


def words(ws):
    # Longest first, so that no word stops the match at a shorter one; then alphabetically, so that
    # the file is the same on every run.
    return NOT_WORD_BEFORE + "(?:" + "|".join(re.escape(w) for w in sorted(ws, key=lambda w: (-len(w), w))) + ")" + NOT_WORD_AFTER


def main():
    with open(GRAMMAR, encoding="utf-8") as f:
        keywords = [k for k in re.findall(r"^[A-Z_]+\s*:\s*'([^']+)'\s*;", f.read(), re.M) if re.match(r"\w", k)]
    other = [k for k in keywords if k not in STRUCTURE | AMENDMENT | LOGIC | CONSTANTS]
    number = r"[0-9]+(?:-[0-9]+)?"
    grammar = {
        "name": "ssd",
        "scopeName": "source.ssd",
        "fileTypes": ["ssd"],
        "patterns": [{"include": "#" + p} for p in ("comments", "law-text", "strings", "citations", "dates", "durations",
                                                    "numbers", "keywords", "operators", "names")],
        "repository": {
            "comments": {"patterns": [
                {"name": "comment.line.double-slash.ssd", "begin": "//", "end": "$"},
                {"name": "comment.block.ssd", "begin": r"/\*", "end": r"\*/"}]},
            "law-text": {"name": "string.quoted.triple.law.ssd", "begin": '"""', "end": '"""',
                         "beginCaptures": {"0": {"name": "punctuation.definition.string.begin.ssd"}},
                         "endCaptures": {"0": {"name": "punctuation.definition.string.end.ssd"}}},
            "strings": {"name": "string.quoted.double.ssd", "begin": '"', "end": '"|$',
                        "patterns": [{"name": "constant.character.escape.ssd", "match": r"\\."}]},
            "citations": {"name": "entity.name.section.citation.ssd",
                          "match": r"§[ \t]*(?:[0-9]+-қосымша(?:[ \t]+%s(?:\.%s)*)?|%s(?:\.%s)*)" % ((number,) * 4)},
            "dates": {"name": "constant.numeric.date.ssd", "match": NOT_WORD_BEFORE + r"[0-9]{4}-[0-9]{2}-[0-9]{2}" + NOT_WORD_AFTER},
            "durations": {"match": r"(?<![\p{L}\p{N}_.])([0-9]+(?:\.[0-9]+)?)\s+(" + "|".join(UNITS) + ")" + NOT_WORD_AFTER,
                          "captures": {"1": {"name": "constant.numeric.ssd"}, "2": {"name": "keyword.other.unit.ssd"}}},
            "numbers": {"name": "constant.numeric.ssd", "match": NOT_WORD_BEFORE + r"[0-9]+(?:\.[0-9]+)?" + NOT_WORD_AFTER},
            "keywords": {"patterns": [
                {"name": "keyword.control.structure.ssd", "match": words(STRUCTURE)},
                {"name": "keyword.control.amendment.ssd", "match": words(AMENDMENT)},
                {"name": "keyword.operator.logical.ssd", "match": words(LOGIC)},
                {"name": "constant.language.boolean.ssd", "match": words(CONSTANTS)},
                {"name": "keyword.other.ssd", "match": words(other)}]},
            "operators": {"name": "keyword.operator.ssd", "match": r"->|→|<=|>=|!=|=|<|>|\+|-|\*|/"},
            "names": {"name": "variable.other.ssd", "match": r"[\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)*"},
        },
    }
    with open(os.path.join(HERE, "syntaxes", "ssd.tmLanguage.json"), "w", encoding="utf-8") as f:
        json.dump(grammar, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
