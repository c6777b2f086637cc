#!/usr/bin/env bash
# On a machine with an NVIDIA GPU and its driver: build LeakBench with the CUDA backend (-P cuda, which brings the
# CUDA 11.6 runtime along), run the backend contract tests on it, then the JMH suite with the nd4j backend on the
# GPU next to the pure-Java backend, and leave the comparison table. One command, from the repository root:
#
#   benchmarks/scripts/gpu-check.sh [JMH_MODE] [RUN_FOLDER]     (defaults: quick, results/gpu-check)
#
# The CPU figures to set it against come from any `mvn -B verify -P bench` run on a CPU build:
#   java -jar harness/target/leakbench.jar jmh-compare results/cpu-run RUN_FOLDER --label cpu --label gpu --out DIR
set -euo pipefail

mode=${1:-quick}
run=${2:-results/gpu-check}
mvn=${MVN:-mvn}

if ! command -v nvidia-smi >/dev/null 2>&1 || ! nvidia-smi -L >/dev/null 2>&1; then
  echo "gpu-check.sh: no NVIDIA GPU or driver here (nvidia-smi finds none); nothing to check" >&2
  exit 2
fi
nvidia-smi --query-gpu=name,compute_cap,driver_version,memory.total --format=csv

echo "== build with -P cuda, backend contract tests, JMH suite ($mode) with nd4j on the GPU next to java"
# One verify: the CUDA build, the contract tests of both backends on it (-Dtest), then -P bench's quick sweep, JMH
# suite (both backends, each benchmark's PyTorch reference where python3 has torch) and tables into results/latest.
"$mvn" -B -P cuda,bench verify -Dspotless.check.skip=true \
  -Dtest='Nd4jBackendTest,Nd4jTestBackendTest,JavaBackendTest,BackendsTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Djmh.include='GradientBench|InversionStepBench|GemmBench|ConvBench' -Dleakbench.jmh.mode="$mode"

echo "leakbench env:"
java --add-modules=jdk.incubator.vector -jar harness/target/leakbench.jar env --backend java --backend nd4j

mkdir -p "$run"
cp -r "$(readlink -f results/latest)"/. "$run"/
echo "== comparison table ($run/tables/jmh-backends.md)"
cat "$run"/tables/jmh-backends.md
