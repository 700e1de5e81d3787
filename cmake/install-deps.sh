#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs, from Debian 12's archive, whichever build and test dependencies of cchc are missing.
# Safe to run again: packages already present are left alone. Needs root (or sudo).
# `install-deps.sh test` adds what only the tests use: Chromium, which loads the HTML that
# `cchc render` writes, the Python modules that read its Word and Excel files back, and
# jsonschema, which checks the templates against docs/schemas/. `install-deps.sh fuzz` adds clang and its libFuzzer runtime, for the
# `fuzz` preset.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config python3
  libboost1.81-dev libboost-json1.81-dev libboost-date-time1.81-dev
  libmsgsl-dev libgtest-dev libgmock-dev libbenchmark-dev
  libfmt-dev libcli11-dev libutf8proc-dev
  libpoppler-cpp-dev libtesseract-dev tesseract-ocr-vie tesseract-ocr-eng libzip-dev libpugixml-dev libsqlite3-dev libcairo2-dev
  fonts-dejavu-core
)
case "${1:-}" in
  fuzz) packages+=(clang-14 libclang-rt-14-dev) ;;
  test) packages+=(chromium python3-openpyxl python3-docx python3-jsonschema) ;;
  "") ;;
  *) echo "install-deps: unknown argument '$1' (test, fuzz)" >&2; exit 64 ;;
esac

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all dependencies present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
