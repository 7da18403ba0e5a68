#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml [[hooks]]): puts the app's Content-Security-Policy into the
# built index.html as a <meta http-equiv>. Trunk's inline module loader changes with every
# build (it names the hashed files), so it is allowed by the sha256 of its text, computed here;
# everything else must come from the app's own origin:
#   script-src  'self' + the inline loader's hash + 'wasm-unsafe-eval' (compiling WebAssembly)
#   worker-src  'self' (the compute worker's loader)      connect-src 'self' (the .wasm, MNIST data)
#   img-src     'self' data: blob: (the favicon is a data: URL; exports are data:/blob: URLs)
#   style-src   'self' 'unsafe-inline' (the views set style attributes: heights, swatch colours)
#   object-src 'none', base-uri 'self', form-action 'none'; nothing remote anywhere.
# Usage (by Trunk): TRUNK_STAGING_DIR=… scripts/csp.sh; or scripts/csp.sh DIR to rewrite DIR/index.html.
set -euo pipefail
dir="${1:-${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook, or give the folder}}"
html="$dir/index.html"
[ -f "$html" ] || { echo "csp.sh: no $html" >&2; exit 1; }
perl -0777 -i -MDigest::SHA=sha256_base64 -e '
  my $page = <>;
  # Idempotent: a rebuilt page may already carry a policy.
  $page =~ s{\s*<meta http-equiv="Content-Security-Policy"[^>]*>}{}g;
  my @hashes;
  while ($page =~ m{<script\b([^>]*)>(.*?)</script>}gs) {
    my ($attributes, $text) = ($1, $2);
    next if $attributes =~ /\bsrc\s*=/;
    my $hash = sha256_base64($text);
    $hash .= "=" while length($hash) % 4;
    push @hashes, "'"'"'sha256-$hash'"'"'";
  }
  my $policy = join("; ",
    "default-src '"'"'self'"'"'",
    "script-src '"'"'self'"'"' '"'"'wasm-unsafe-eval'"'"' " . join(" ", @hashes),
    "worker-src '"'"'self'"'"'",
    "connect-src '"'"'self'"'"'",
    "img-src '"'"'self'"'"' data: blob:",
    "style-src '"'"'self'"'"' '"'"'unsafe-inline'"'"'",
    "font-src '"'"'self'"'"'",
    "object-src '"'"'none'"'"'",
    "base-uri '"'"'self'"'"'",
    "form-action '"'"'none'"'"'");
  $page =~ s{(<meta charset="utf-8"\s*/?>)}{$1\n    <meta http-equiv="Content-Security-Policy" content="$policy" />}
    or die "csp.sh: no <meta charset=\"utf-8\"> to put the policy after\n";
  print $page;
' "$html"
echo "csp.sh: Content-Security-Policy written into $html" >&2
