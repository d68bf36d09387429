#!/bin/sh
# Starts the SpeedFog Racing overlay with the race settings (speedfog_race.toml) of this folder.
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -f "$here/overlay.jar" ]; then
    echo "overlay.jar was not found in $here" >&2
    echo "Download the SpeedFog Racing overlay and put overlay.jar next to this script, then run it again." >&2
    exit 1
fi
if ! command -v java >/dev/null 2>&1; then
    echo "Java was not found: install Java 17 or newer (e.g. 'sudo apt install openjdk-17-jre') and run this again." >&2
    exit 1
fi
exec java -jar "$here/overlay.jar" --config "$here"
