@echo off
rem Starts the SpeedFog Racing overlay with the race settings (speedfog_race.toml) of this folder.
setlocal
set "HERE=%~dp0"
rem Drop the trailing backslash: in "C:\pack\" the \" would be read as a quote by Java.
if "%HERE:~-1%"=="\" set "HERE=%HERE:~0,-1%"
if not exist "%HERE%\overlay.jar" (
    echo overlay.jar was not found in "%HERE%".
    echo Download the SpeedFog Racing overlay and put overlay.jar next to this script, then run it again.
    pause
    exit /b 1
)
where java >nul 2>nul
if errorlevel 1 (
    echo Java was not found: install Java 17 or newer ^(for example from adoptium.net^) and run this again.
    pause
    exit /b 1
)
java -jar "%HERE%\overlay.jar" --config "%HERE%"
if errorlevel 1 pause
