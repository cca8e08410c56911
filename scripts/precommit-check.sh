#!/usr/bin/env bash
# The cheap checks of `npm test` (lint and types), for running before a commit.
set -euo pipefail
cd "$(dirname "$0")/.."
npx biome check .
npx tsc --noEmit
