#!/usr/bin/env python3
"""Each command file of tools/ssd (cmd_*.cpp) only parses its options and calls the logic of
ssd_tools: the options several commands share are registered by add_common_options, and the
standards are loaded, and a checker built, by load_standards and add_programs (common_options.h).
A command file that does either itself fails this test, with the line and what to call instead."""
import argparse
import glob
import os
import re
import sys

# What a command file may not do, and what it calls instead.
RULES = [
    (re.compile(r'add_(?:option|flag)\(\s*"(?:--standards|--lang|--no-cache|-j,--threads|-q,--quiet)"'),
     "registers a common option itself: add it with add_common_options (common_options.h)"),
    (re.compile(r'\bload_library\s*\(|\bCompileCache::|\bstandards_dir\s*\('),
     "loads the standards itself: call load_standards, or CommonOptions::standards_folder (common_options.h)"),
    (re.compile(r'==\s*"en"\s*\?\s*Lang::En'),
     "reads --lang itself: call CommonOptions::language (common_options.h)"),
    (re.compile(r'for\s*\([^;)]*:\s*[\w.>-]*programs\s*\)\s*\w+\.add\('),
     "builds a checker itself: call add_programs (common_options.h)"),
]

# Lines each rule must catch, so that a rule that matches nothing cannot pass unnoticed.
MUST_CATCH = [
    'cmd->add_option("--standards", o->standards, "folder of .ssd standards");',
    'cmd->add_flag("--no-cache", o->no_cache, "compile the standards even when cached");',
    'cmd->add_option("-j,--threads", o->threads, "check on N threads")',
    'if (!load_library(standards_dir(o.standards), lang, library, cache)) return kCannotRun;',
    'const CompileCache cache = o.no_cache ? CompileCache::disabled() : CompileCache::open_default();',
    'const Lang lang = o.lang == "en" ? Lang::En : Lang::Kk;',
    'for (auto& p : library.programs) checker.add(p);',
]


def violations(text):
    for number, line in enumerate(text.splitlines(), 1):
        for pattern, why in RULES:
            if pattern.search(line):
                yield number, line.strip(), why


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tools", help="the folder of the ssd command's sources (tools/ssd)")
    a = ap.parse_args()
    failed = 0
    for line in MUST_CATCH:
        if not any(True for _ in violations(line)):
            print(f"thin_commands_test: no rule catches: {line}")
            failed += 1
    commands = sorted(glob.glob(os.path.join(a.tools, "cmd_*.cpp")))
    if not commands:
        print(f"thin_commands_test: no cmd_*.cpp in {a.tools}")
        failed += 1
    for path in commands:
        with open(path, encoding="utf-8") as f:
            for number, line, why in violations(f.read()):
                print(f"{path}:{number}: {why}\n    {line}")
                failed += 1
    print(f"{len(commands)} command files, {failed} problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
