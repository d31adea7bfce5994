@echo off
rem SPDX-License-Identifier: Apache-2.0
rem CostBench launcher for Windows: no arguments starts the workbench; a subcommand runs the command line.
rem Builds the project when the build is missing (run "mvn -DskipTests package -pl app/ui -am" after changes).
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%app\ui\target\costbench-ui.jar"
where java >nul 2>nul || (echo costbench: java not found - install a JDK 17 or newer 1>&2 & exit /b 1)
if not exist "%JAR%" (
  echo costbench: building ... 1>&2
  pushd "%HERE%"
  call mvn -B -q -Dstyle.color=never -Dmaven.test.skip=true package -pl app/ui -am 1>&2 || (popd & echo costbench: the build failed 1>&2 & exit /b 1)
  popd
)
rem A command (tokens, estimate, ...) is one short run: the client compiler and the serial collector get there sooner.
if "%~1"=="" (
  java %COSTBENCH_JAVA_OPTS% -jar "%JAR%"
) else (
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC %COSTBENCH_JAVA_OPTS% -jar "%JAR%" %*
)
