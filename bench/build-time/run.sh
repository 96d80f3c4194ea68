#!/usr/bin/env bash
# Build-time benchmark: how much a spec adds to rebuilding a small project after one source file changes.
#
#   bash bench/build-time/run.sh [pairs]      (default 5 pairs per spec; needs ../shared/specs beside the repo)
#   SPECS="proxy_v1 api_v2010_messages" bash bench/build-time/run.sh 9     (some of the specs only)
#
# For each spec, a console project that references ProxyGen (as Client.Tests does: the generator as an analyzer,
# the runtime as a project) is built against the same project without the spec, alternately, `pairs` times each,
# after editing Program.cs each time so the compiler really runs. Machines here are shared and noisy: the figure is
# the ratio of medians (spec / no spec), not the seconds. The compiler server stays on, as on a developer's machine.
set -euo pipefail
pairs="${1:-5}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
specs="$(cd "$repo/../shared/specs" && pwd)"
work="$(mktemp -d /tmp/proxygen-buildtime.XXXXXX)"
trap 'rm -rf "$work"' EXIT

make_project() { # name, extra AdditionalFiles line
  local dir="$work/$1"
  mkdir -p "$dir"
  cat > "$dir/Directory.Build.props" <<XML
<Project><Import Project="$repo/generator/ProxyGen.Generator/build/ProxyGen.Generator.props" /></Project>
XML
  echo '<Project />' > "$dir/Directory.Build.targets"
  cat > "$dir/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/generator/ProxyGen.Generator/ProxyGen.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$repo/runtime/ProxyGen.Runtime/ProxyGen.Runtime.csproj" />
    $2
  </ItemGroup>
</Project>
XML
  echo 'Console.WriteLine("edit 0");' > "$dir/Program.cs"
  dotnet build "$dir/App.csproj" -c Release -v q -nologo > "$dir/first.log" 2>&1 || { cat "$dir/first.log"; exit 1; }
}

build_once() { # name, edit number -> seconds
  local dir="$work/$1"
  echo "Console.WriteLine(\"edit $2\");" > "$dir/Program.cs"
  local start end
  start=$(date +%s.%N)
  dotnet build "$dir/App.csproj" -c Release -v q -nologo --no-restore --no-dependencies > "$dir/build.log" 2>&1 || { cat "$dir/build.log"; exit 1; }
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f\n", b - a }' 
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

declare -A spec_item=(
  [proxy_v1]="<AdditionalFiles Include=\"$repo/specs/proxy_v1.yaml\" />"
  [api_v2010]="<AdditionalFiles Include=\"$specs/twilio/twilio_api_v2010.yaml\" />"
  [api_v2010_messages]="<AdditionalFiles Include=\"$specs/twilio/twilio_api_v2010.yaml\" ProxyGenIncludePaths=\"/2010-04-01/Accounts/{AccountSid}/Messages**\" />"
  [box]="<AdditionalFiles Include=\"$specs/public/box_platform.2026-06-29.json\" />"
)
read -r -a order <<< "${SPECS:-proxy_v1 api_v2010 api_v2010_messages box}"

make_project none ""
for name in "${order[@]}"; do make_project "$name" "${spec_item[$name]}"; done

echo "| Spec | no spec (median s) | with spec (median s) | ratio |"
echo "|---|---:|---:|---:|"
edit=1
for name in "${order[@]}"; do
  : > "$work/$name.base"; : > "$work/$name.spec"
  for ((i = 0; i < pairs; i++)); do
    build_once none $((edit++)) >> "$work/$name.base"
    build_once "$name" $((edit++)) >> "$work/$name.spec"
  done
  base=$(median < "$work/$name.base"); spec=$(median < "$work/$name.spec")
  ratio=$(awk -v a="$spec" -v b="$base" 'BEGIN { printf "%.2f", a / b }')
  echo "| $name | $base | $spec | ${ratio}× |"
done
