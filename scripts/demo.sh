#!/usr/bin/env bash
# `make run`: the nightly job on the shipped sample inbox, with the embedded defaults.
# The sample (inbox/) is copied into BUILD/demo/inbox the first time, so it stays as shipped;
# a second run finds nothing new and does no work. `make demo-reset` starts afresh.
set -uo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
demo="$root/$build/demo"

if [ ! -e "$demo/state/pipeline.db" ]; then
  mkdir -p "$demo/inbox"
  # -p keeps the files' times, so none looks like a copy still in progress.
  find "$root/inbox" -maxdepth 1 -type f ! -name '.*' -exec cp -p {} "$demo/inbox/" \;
  echo "demo: copied the sample inbox into $demo/inbox"
fi

"$root/$build/pipeline" \
  --paths.inbox="$demo/inbox" --paths.state="$demo/state" --paths.rejected="$demo/rejected" \
  --paths.outbox="$root/outbox" --paths.profiles="$root/profiles" --paths.templates="$root/templates" \
  run
status=$?
case $status in
  0) ;;
  10) echo "demo: some sample files were moved aside on purpose (the sample has one bad file of each kind)";;
  *) echo "demo: the run failed with exit status $status" >&2; exit $status;;
esac

# This week's digest from the same data (the sample's comparisons are dated today), and who
# the example readers' list would mail. Nothing is sent.
week=$(date -u +%G-W%V)
echo
"$root/$build/pipeline" --paths.state="$demo/state" --paths.outbox="$root/outbox" \
  --paths.templates="$root/templates" --digest.subscribers="$root/examples/subscribers.csv" \
  digest --week "$week" --dry-run || echo "demo: the digest failed" >&2
echo
echo "demo: records:      $root/$build/pipeline --paths.state=$demo/state export records --json"
echo "demo: tools:        $root/$build/pipeline --paths.state=$demo/state export tools --json"
echo "demo: comparisons:  $root/$build/pipeline --paths.state=$demo/state export comparisons --json"
echo "demo: status:       $root/$build/pipeline --paths.inbox=$demo/inbox --paths.state=$demo/state --paths.rejected=$demo/rejected status"
echo "demo: moved aside:  $demo/rejected/ (each file beside its .reason.txt)"
echo "demo: the site:     $root/outbox/site/index.html (links are root-relative: serve it, as below, to browse)"
echo "demo: the report:   $root/outbox/site/report/index.html (merges, conflicts, files moved aside, what waits)"
echo "demo: the digest:   $root/outbox/digest/$week.eml (its HTML part: $root/outbox/digest/$week.html)"
echo "demo: serve it:     python3 -m http.server -d $root/outbox/site 8000   (then http://127.0.0.1:8000/)"
echo "demo: sign-ups:     $root/$build/pipeline --paths.state=$demo/state --paths.templates=$root/templates serve   (with the digest secret in TV_DIGEST_SECRET: the form, confirm and one-click unsubscribe, docs/serve.md; nginx in front: examples/nginx-site.conf)"
