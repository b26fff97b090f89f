#!/usr/bin/env bash
# Splits the photographs that Debian's python3-skimage ships into a training and a held-out folder for
# twinsight-bench (installs the package when missing). Usage: skimage_photos.sh OUT_DIR
set -euo pipefail
out=${1:?usage: $0 OUT_DIR}
data=/usr/lib/python3/dist-packages/skimage/data
if [[ ! -d $data ]]; then
    sudo=$([[ $(id -u) -eq 0 ]] || echo sudo)
    $sudo apt-get install -y -q --no-install-recommends python3-skimage
fi
# Photographs only: no test patterns, palettes, binary masks, or the motion-blurred clock. The two motorcycle
# views are near duplicates and stay together in training.
train=(astronaut.png brick.png camera.png cell.png grass.png ihc.png motorcycle_left.png motorcycle_right.png
       retina.jpg page.png hubble_deep_field.jpg text.png)
test=(chelsea.png coffee.png rocket.jpg gravel.png moon.png coins.png)
mkdir -p "$out/train" "$out/test"
for f in "${train[@]}"; do cp "$data/$f" "$out/train/"; done
for f in "${test[@]}"; do cp "$data/$f" "$out/test/"; done
echo "$out/train: ${#train[@]} photos, $out/test: ${#test[@]} photos"
