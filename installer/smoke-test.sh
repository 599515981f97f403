#!/usr/bin/env bash
# Smoke test of the Linux installers: builds the app image and the .deb (mvn -Pinstaller), runs
# the packaged launcher with no display (--version, an OSM import of Monaco, serve --help when
# those commands exist), and unpacks the .deb with dpkg-deb -x to check its layout.
# Too slow for every CI run (jlink + jpackage take minutes): run it by hand or in a nightly job.
#   installer/smoke-test.sh             build, then check
#   SKIP_BUILD=1 installer/smoke-test.sh   check what target/installer already holds
# Needs a JDK 17+ with jpackage, Maven, fakeroot and dpkg-deb. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "SMOKE TEST FAILED: $*" >&2; exit 1; }
step() { echo "== $*"; }
skip() { echo "   SKIPPED: $*"; }

data=${SEUIL_SHARED_DATA:-../shared/data}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for tool in dpkg-deb fakeroot unzip; do
  command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install -y dpkg fakeroot unzip)"
done

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  step "building the installers: mvn -o -Pinstaller -Dmaven.test.skip=true package"
  mvn -o -q -Pinstaller -Dmaven.test.skip=true package >"$tmp/build.log" 2>&1 \
    || { tail -40 "$tmp/build.log" >&2; fail "mvn -Pinstaller -Dmaven.test.skip=true package failed (log above)"; }
fi

image=target/installer/image/seuil
launcher=$image/bin/seuil
debs=(target/installer/seuil_*.deb)
[ -x "$launcher" ] || fail "no launcher at $launcher"
[ -f "${debs[0]}" ] || fail "no .deb in target/installer"
deb=${debs[0]}
version=$(unzip -p target/installer/input/seuil.jar META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
[ -n "$version" ] || fail "the packaged jar has no Implementation-Version in its manifest"

# Commands must work on a server with no display: no DISPLAY, no WAYLAND_DISPLAY.
headless() { env -u DISPLAY -u WAYLAND_DISPLAY "$@"; }

step "app image: seuil --version with no display"
out=$(headless "$launcher" --version 2>&1) || fail "seuil --version exited $?: $out"
[ "$out" = "seuil $version" ] || fail "seuil --version printed '$out', expected 'seuil $version'"
echo "   $out"

step "app image: class-data-sharing archive in use"
# The app image's archive is dumped for this path at build time (Packager); -Xshare:on fails
# instead of falling back when the archive cannot be mapped, so this checks it matches.
[ -s "$image/lib/app/seuil.classlist" ] || fail "no class list at $image/lib/app/seuil.classlist"
[ -s "$image/lib/app/seuil.jsa" ] || fail "no class-data-sharing archive at $image/lib/app/seuil.jsa"
grep -qxF 'java-options=-XX:SharedArchiveFile=$APPDIR/seuil.jsa' "$image/lib/app/seuil.cfg" \
  || fail "the launcher does not use the archive (no -XX:SharedArchiveFile in seuil.cfg)"
out=$(JAVA_TOOL_OPTIONS=-Xshare:on headless "$launcher" --version 2>&1 | grep -v '^Picked up JAVA_TOOL_OPTIONS') \
  || fail "the launcher cannot map its archive (-Xshare:on): $out"
[ "$out" = "seuil $version" ] || fail "with -Xshare:on the launcher printed '$out'"
loaded=$(JAVA_TOOL_OPTIONS=-Xlog:class+load headless "$launcher" --version 2>/dev/null | grep -c 'org.seuil.cli.Main source: shared objects file' || true)
[ "$loaded" = 1 ] || fail "org.seuil.cli.Main was not loaded from the archive"
echo "   $image/lib/app/seuil.jsa: $(($(stat -c %s "$image/lib/app/seuil.jsa") / 1000000)) MB, classes of seuil.jar mapped from it"

step "app image: seuil import osm (Monaco)"
pbf=$data/osm/monaco-2021-04-21.osm.pbf
# picocli answers --help even after unknown words, so look at whose usage it printed.
has_command() { headless "$launcher" "$@" --help 2>/dev/null | head -1 | grep -q "^Usage: seuil $*"; }
if ! has_command import osm; then
  skip "this build has no 'seuil import osm' command yet"
elif [ ! -f "$pbf" ]; then
  skip "$pbf is absent"
else
  # With no temporary folder, so sqlite's library must be loaded from the app folder
  # (org.sqlite.lib.path): copying it out of the jar, as it otherwise does at every start, fails.
  out=$(JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=$tmp/none headless "$launcher" import osm "$pbf" --db "$tmp/monaco.db" 2>&1 \
        | grep -v '^Picked up JAVA_TOOL_OPTIONS') || fail "seuil import osm exited non-zero: $out"
  echo "$out" | sed 's/^/   /'
  [ -s "$tmp/monaco.db" ] || fail "seuil import osm wrote no database at $tmp/monaco.db"
  # Ground truth of ../shared/data/README.md: 122 places with wheelchair=yes.
  echo "$out" | grep -qw 122 || fail "the import summary does not show the 122 wheelchair=yes places of Monaco"
fi

step "app image: seuil serve --help"
if has_command serve; then
  headless "$launcher" serve --help | head -1 | sed 's/^/   /'
else
  skip "this build has no 'seuil serve' command yet"
fi

step ".deb layout: dpkg-deb -x $deb"
root=$tmp/deb
dpkg-deb -x "$deb" "$root" || fail "dpkg-deb -x $deb failed"
for f in opt/seuil/bin/seuil opt/seuil/bin/seuil-start opt/seuil/lib/app/seuil.jar opt/seuil/lib/app/seuil.cfg \
         opt/seuil/lib/runtime/lib/modules opt/seuil/lib/runtime/lib/server/libjvm.so \
         opt/seuil/lib/runtime/lib/server/classes.jsa opt/seuil/lib/seuil.png \
         opt/seuil/lib/app/libsqlitejdbc.so opt/seuil/lib/app/libglass.so opt/seuil/lib/app/libglassgtk3.so \
         opt/seuil/lib/app/libprism_es2.so opt/seuil/lib/app/libjavafx_font.so \
         opt/seuil/lib/seuil-seuil.desktop opt/seuil/lib/seuil-seuil-MimeInfo.xml \
         opt/seuil/share/doc/copyright; do
  [ -e "$root/$f" ] || fail "$deb has no /$f"
done
desktop=$root/opt/seuil/lib/seuil-seuil.desktop
for line in 'Exec=/opt/seuil/bin/seuil-start %f' 'Icon=/opt/seuil/lib/seuil.png' 'Name[fr]=Seuil' \
            'Categories=Education;Geography;Maps;' 'MimeType=application/geo+json;application/x-mapsforge-map;' \
            'StartupWMClass=org.seuil.app.SeuilApp'; do
  grep -qxF "$line" "$desktop" || fail "the desktop entry lacks '$line'"
done
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate rejects the desktop entry"
fi
grep -q 'GNU GENERAL PUBLIC LICENSE' "$root/opt/seuil/share/doc/copyright" || fail "the copyright file is not the GPL text"
[ "$(identify -format '%wx%h' "$root/opt/seuil/lib/seuil.png" 2>/dev/null || echo 256x256)" = 256x256 ] \
  || fail "the icon is not 256x256"
dpkg-deb -f "$deb" Depends | grep -q 'libgtk-3-0' || fail "the .deb does not depend on libgtk-3-0"
dpkg-deb -f "$deb" Maintainer | grep -q 'seuil@users.noreply.invalid' || fail "the .deb has no maintainer address"
grep -q 'application/x-mapsforge-map' "$root/opt/seuil/lib/seuil-seuil-MimeInfo.xml" || fail "no MIME type for .map files"
grep -q 'application/geo+json' "$root/opt/seuil/lib/seuil-seuil-MimeInfo.xml" || fail "no MIME type for .geojson files"
dpkg-deb -e "$deb" "$tmp/control"
grep -q 'ln -sf /opt/seuil/bin/seuil-start /usr/bin/seuil' "$tmp/control/postinst" || fail "postinst does not link /usr/bin/seuil"
grep -q 'rm -f /usr/bin/seuil' "$tmp/control/prerm" || fail "prerm does not remove /usr/bin/seuil"
grep -q 'set +e' "$tmp/control/postinst" \
  || fail "postinst lets a failing xdg-desktop-menu abort the installation (hosts without /etc/xdg/menus)"
[ -s "$root/opt/seuil/lib/app/seuil.classlist" ] || fail "$deb has no /opt/seuil/lib/app/seuil.classlist"
[ ! -e "$root/opt/seuil/lib/app/seuil.jsa" ] || fail "$deb ships an archive; postinst makes it for the installed path"
grep -q 'Xshare:dump' "$tmp/control/postinst" || fail "postinst does not make the class-data-sharing archive"
grep -q 'rm -f /opt/seuil/lib/app/seuil.jsa' "$tmp/control/prerm" || fail "prerm does not remove the archive postinst made"
# What postinst does, for the unpacked path: the dump works with the packaged runtime and list.
unpacked=$root/opt/seuil/lib/app
headless "$root/opt/seuil/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$unpacked/seuil.classlist" \
  -XX:SharedArchiveFile="$unpacked/seuil.jsa" -cp "$unpacked/seuil.jar" >"$tmp/dump.log" 2>&1 \
  || { tail -5 "$tmp/dump.log" >&2; fail "the archive cannot be dumped from the packaged class list"; }
out=$(JAVA_TOOL_OPTIONS=-Xshare:on headless "$root/opt/seuil/bin/seuil" --version 2>&1 | grep -v '^Picked up JAVA_TOOL_OPTIONS') \
  || fail "the unpacked launcher cannot map the archive dumped for it: $out"
out=$(JAVA_TOOL_OPTIONS=-Xshare:on headless "$root/opt/seuil/bin/seuil-start" --version 2>&1 | grep -v '^Picked up JAVA_TOOL_OPTIONS') \
  || fail "the start script (desktop entry, /usr/bin/seuil) cannot run Seuil with the archive: $out"
[ "$out" = "seuil $version" ] || fail "the start script printed '$out'"
rm -f "$unpacked/seuil.jsa"
# Without it (postinst could not make it), the launcher starts all the same.
out=$(headless "$root/opt/seuil/bin/seuil" --version 2>&1) || fail "the unpacked launcher failed: $out"
[ "$out" = "seuil $version" ] || fail "the unpacked launcher printed '$out'"
echo "   launcher, runtime, jar, class list, desktop entry, MIME types, icon, copyright, postinst/prerm: present"

size=$(stat -c %s "$deb")
echo "   $(basename "$deb"): $((size / 1000000)) MB (goal: at most 60 MB)"
if [ "$size" -gt 60000000 ]; then
  echo "   WARNING: the .deb is over the 60 MB goal" >&2
fi
echo "SMOKE TEST PASSED"
