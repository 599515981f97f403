#!/usr/bin/env bash
# Renders seuil.svg into the PNGs the Linux package and desktop use, the .ico jpackage wants on
# Windows and the .icns it wants on macOS. The outputs are committed; run this again only after
# editing seuil.svg. Needs rsvg-convert (librsvg2-bin) and ImageMagick's convert, plus python3.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" seuil.svg -o "seuil-$size.png"
done
convert seuil-16.png seuil-32.png seuil-48.png seuil-64.png seuil-128.png seuil-256.png seuil.ico
python3 - <<'PY'
# An .icns file is a 'icns' header and one (type, length, PNG bytes) entry per size; macOS 10.7+
# reads PNG payloads for these types.
import struct
entries = [("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512)]
body = b""
for kind, size in entries:
    data = open(f"seuil-{size}.png", "rb").read()
    body += kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data
open("seuil.icns", "wb").write(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY
