#!/usr/bin/env bash
# A consumer of the packed FundingMatch.Core: a console project outside the solution that references the package
# from the local folder feed (artifacts/packages), compiles the README's C# example and runs it, checking its output.
set -euo pipefail
root=$(pwd)
feed="$root/artifacts/packages"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
dir=$(mktemp -d)
# A package cache of its own, so that a package of the same version packed earlier cannot stand in for this one.
export NUGET_PACKAGES="$dir/packages"
cat >"$dir/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="FundingMatch.Core" Version="$version" />
  </ItemGroup>
</Project>
XML
cat >"$dir/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="fundingmatch-local" value="$feed" />
  </packageSources>
</configuration>
XML
# The README's first C# block, as a user would paste it.
awk '/^```csharp$/ { inside = 1; next } inside && /^```$/ { exit } inside { print }' README.md >"$dir/ReadmeExample.cs"
[ -s "$dir/ReadmeExample.cs" ] || { echo "consumer: no C# example in README.md"; exit 1; }
echo 'ReadmeExample.Run();' >"$dir/Program.cs"
(cd "$dir" && dotnet run -c Release >"$dir/out.txt" 2>"$dir/err.txt") || { cat "$dir/err.txt" "$dir/out.txt"; exit 1; }
cat >"$dir/expected.txt" <<'TXT'
mapo: max national 2,500,000,000 (per-site-cap), passes
hwaseong: max national 2,500,000,000 (per-site-cap), passes
yeongju: max national 2,500,000,000 (per-site-cap), passes
national 75억원 of 343억원 (21.87%)
mapo: local-share-short
TXT
diff "$dir/expected.txt" "$dir/out.txt" || { echo "consumer: the README example printed something else"; exit 1; }
echo "consumer: FundingMatch.Core $version from the local feed compiled and ran the README example"
rm -rf "$dir"
