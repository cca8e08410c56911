#!/usr/bin/env bash
# Playwright passes its own --disable-features list, which includes ThirdPartyStoragePartitioning and
# breaks IndexedDB in our sidebar iframe, and --disable-extensions. Drop both; keep everything else.
# Our own feature list arrives as --pagedesk-disable-features=... and becomes the real switch.
args=()
for a in "$@"; do
  case "$a" in
    --disable-features=*|--disable-extensions) ;;
    --pagedesk-disable-features=*) args+=("--disable-features=${a#--pagedesk-disable-features=}") ;;
    *) args+=("$a") ;;
  esac
done
exec "${CHROMIUM_BIN:-/usr/bin/chromium}" "${args[@]}"
