#!/usr/bin/env bash
# Packages the Api and the Worker for AWS Lambda:
#   scripts/package-lambda.sh                      -> artifacts/lambda/Api.zip, Worker.zip: Native AOT, provided.al2023, x86_64
#   scripts/package-lambda.sh --arch arm64         -> artifacts/lambda-arm64/Api.zip, Worker.zip for Graviton (linux-arm64)
#   scripts/package-lambda.sh --build r2r          -> self-contained composite ReadyToRun instead of Native AOT
#   scripts/package-lambda.sh --no-composite       -> with --build r2r: ReadyToRun per assembly (faster to build, slower to start)
#   scripts/package-lambda.sh --runtime dotnet10   -> framework-dependent ReadyToRun for the managed .NET 10 runtime
#   scripts/package-lambda.sh --output DIR         -> zips into DIR instead
# provided.al2023: Lambda runs `bootstrap`, which sets the GC's gen0 budget and execs the app (BoxOffice.Api /
#   BoxOffice.Worker): with --build aot (the default) one native executable compiled ahead of time, with --build r2r
#   a self-contained publish whose app and framework are precompiled together (composite ReadyToRun).
# dotnet10: framework-dependent ReadyToRun publish; handler = the assembly name (BoxOffice.Api / BoxOffice.Worker).
# Native AOT for arm64 links with clang and the aarch64 GNU binutils and libraries: apt-get install clang
#   gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu.
# The Api is built with -p:LambdaPackage=true, which leaves the Worker out of it (see Api/Api.csproj); the script
#   fails if the Worker or its QR code library still lands in the Api package.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
runtime="provided.al2023"
build="aot"
arch="x86_64"
output=""
composite_requested=true

while [[ $# -gt 0 ]]; do
  case "$1" in
    --runtime) runtime="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    --arch) arch="$2"; shift 2 ;;
    --no-composite) composite_requested=false; shift ;;
    --output) output="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

# The architecture names are Lambda's (the template's Architecture parameter); .NET calls them by runtime identifier.
case "$arch" in
  x86_64) rid=linux-x64; output="${output:-$root/artifacts/lambda}" ;;
  arm64) rid=linux-arm64; output="${output:-$root/artifacts/lambda-arm64}" ;;
  *) echo "--arch must be x86_64 or arm64, not '$arch'" >&2; exit 2 ;;
esac

case "$build" in aot|r2r) ;; *) echo "--build must be aot or r2r, not '$build'" >&2; exit 2 ;; esac
case "$runtime" in
  provided.al2023) self_contained=true; composite="$composite_requested" ;;
  dotnet10) self_contained=false; composite=false; build=r2r ;;
  *) echo "--runtime must be provided.al2023 or dotnet10, not '$runtime'" >&2; exit 2 ;;
esac

if [[ "$build" == aot && "$rid" == linux-arm64 ]]; then
  for tool in clang aarch64-linux-gnu-ld.bfd; do
    command -v "$tool" >/dev/null || {
      echo "error: Native AOT for arm64 needs $tool (apt-get install clang gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu), or use --build r2r" >&2
      exit 2
    }
  done
fi

zip_folder() { # zip_folder FOLDER ZIP: contents at the zip root, file modes kept (bootstrap must stay executable)
  rm -f "$2"
  if command -v zip >/dev/null; then
    (cd "$1" && zip -q -r -X "$2" .)
  else
    python3 - "$1" "$2" <<'PY'
import os, sys, zipfile
folder, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
    for base, _, files in os.walk(folder):
        for name in sorted(files):
            path = os.path.join(base, name)
            info = zipfile.ZipInfo.from_file(path, os.path.relpath(path, folder))
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as source:
                archive.writestr(info, source.read())
PY
  fi
}

mkdir -p "$output"
for project in Api Worker; do
  publish="$output/publish/$project"
  rm -rf "$publish"
  package_properties=()
  [[ "$project" == Api ]] && package_properties=(-p:LambdaPackage=true)
  echo "Publishing $project for $runtime on $arch ($build) ..."
  # Workstation, non-concurrent GC: a function has one or two vCPUs; starts faster, stays smaller.
  common=(-c Release -r "$rid" -p:ServerGarbageCollection=false -p:ConcurrentGarbageCollection=false
    -p:SatelliteResourceLanguages=en "${package_properties[@]}" -o "$publish" --nologo)
  if [[ "$build" == aot ]]; then
    # Native AOT: no JIT and no IL at run time. Any trim or AOT warning fails the package but one, named here: Serilog
    # destructures {@value} of unknown types by reflection, and no template of ours does that (a test checks).
    # Nothing but the executable, its settings and native libraries goes into the package.
    log="$(mktemp)"
    if ! dotnet publish "$root/$project/$project.csproj" "${common[@]}" -p:PublishAot=true -p:TrimmerSingleWarn=false \
        -p:TreatWarningsAsErrors=false -v minimal > "$log" 2>&1; then
      cat "$log" >&2; rm -f "$log"; exit 1
    fi
    known='IL2067: Serilog.Capturing.PropertyValueConverter.TryConvertStructure'
    unexpected="$(grep -E ' warning [A-Z]+[0-9]+' "$log" | grep -v "$known" | sort -u || true)"
    rm -f "$log"
    if [[ -n "$unexpected" ]]; then
      echo "error: the Native AOT build of $project has warnings:" >&2; echo "$unexpected" >&2; exit 1
    fi
    rm -f "$publish"/*.dbg "$publish"/*.pdb "$publish"/*.xml "$publish"/*.staticwebassets.*.json
    if compgen -G "$publish/*.dll" >/dev/null; then
      echo "error: the Native AOT package of $project holds managed assemblies: $(cd "$publish" && ls ./*.dll)" >&2; exit 1
    fi
  else
    # Composite ReadyToRun also precompiles the framework's generics over the app's types (a third less CPU to the
    # first response than per-assembly ReadyToRun).
    dotnet publish "$root/$project/$project.csproj" "${common[@]}" --self-contained "$self_contained" \
      -p:PublishReadyToRun=true -p:PublishReadyToRunComposite="$composite" -p:TieredPGO=false -v quiet
  fi
  if [[ "$project" == Api ]]; then
    for worker_only in BoxOffice.Worker.dll QRCoder.dll; do
      if [[ -e "$publish/$worker_only" ]]; then
        echo "error: $worker_only is in the Api package; its Lambda build must not reference the Worker (Api/Api.csproj)" >&2
        exit 1
      fi
    done
  fi
  if [[ "$runtime" == provided.al2023 ]]; then
    # Lambda runs `bootstrap`. It sets the GC's gen0 budget to 1 MB (instead of one sized by the CPU cache, 16 MB here)
    # and its regions to 1 MB (instead of 4): the function's memory stays low at the price of more, cheap, gen0
    # collections (docs/lambda.md). Both runtimes read the values as hexadecimal; Native AOT's refuses a 0x prefix (and
    # then ignores the variable). A variable set on the function wins. The package never changes under a running
    # function, so configuration files are not watched (watching walks every file of the package at start).
    cat > "$publish/bootstrap" <<SH
#!/bin/sh
export DOTNET_GCgen0size="\${DOTNET_GCgen0size:-100000}"
export DOTNET_GCRegionSize="\${DOTNET_GCRegionSize:-100000}"
export DOTNET_hostBuilder__reloadConfigOnChange="\${DOTNET_hostBuilder__reloadConfigOnChange:-false}"
exec "\$(dirname "\$0")/BoxOffice.$project" "\$@"
SH
    chmod 755 "$publish/bootstrap" "$publish/BoxOffice.$project"
  else
    rm -f "$publish/BoxOffice.$project"
  fi
  zip_folder "$publish" "$output/$project.zip"
  echo "  $output/$project.zip: $(du -h "$output/$project.zip" | cut -f1) zipped, $(du -sh "$publish" | cut -f1) unzipped"
done
