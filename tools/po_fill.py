"""Fill empty msgstr entries of a .po file from a JSON dictionary {msgid: msgstr}.

Usage: python tools/po_fill.py path/to/django.po translations.json
Prints the msgids still untranslated, and exits 1 if there are any.
"""

import json
import re
import sys


def _unquote(lines: str) -> str:
    return "".join(json.loads(f'"{part}"') for part in re.findall(r'"((?:[^"\\]|\\.)*)"', lines))


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def fill(po_path: str, table: dict[str, str]) -> list[str]:
    content = open(po_path, encoding="utf-8").read()
    blocks = content.split("\n\n")
    missing = []
    for index, block in enumerate(blocks):
        match = re.search(r'^msgid ((?:".*"\n?)+)msgstr ((?:".*"\n?)+)', block + "\n", re.M)
        if not match or "msgid_plural" in block:
            continue
        msgid = _unquote(match.group(1))
        msgstr = _unquote(match.group(2))
        if not msgid or msgstr:
            continue
        if msgid in table:
            start, end = match.span(2)
            block = (block + "\n")[:start] + _quote(table[msgid]) + "\n" + (block + "\n")[end:]
            block = block.rstrip("\n").replace("#, fuzzy\n", "")
            blocks[index] = block
        else:
            missing.append(msgid)
    open(po_path, "w", encoding="utf-8").write("\n\n".join(blocks))
    return missing


if __name__ == "__main__":
    po, table_path = sys.argv[1], sys.argv[2]
    left = fill(po, json.load(open(table_path, encoding="utf-8")))
    for msgid in left:
        print("untranslated:", msgid)
    sys.exit(1 if left else 0)
