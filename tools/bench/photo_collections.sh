#!/usr/bin/env bash
# Four collections of real photographs from Debian packages, one folder each, for `twinsight-bench --collections`.
# The packages are downloaded and unpacked into OUT_DIR/.packages, never installed. Usage: photo_collections.sh OUT_DIR
#   scikit    photographs of python3-skimage and python3-sklearn (9)
#   opencv    photographs among opencv-doc's example data (20)
#   palapeli  palapeli-data's puzzle photographs (5)
#   tuxpaint  tuxpaint-data's photo templates (19)
set -euo pipefail
out=${1:?usage: $0 OUT_DIR}
packages="$out/.packages"
mkdir -p "$packages"
unpack() {  # PACKAGE: its files under $packages/PACKAGE
    local name=$1
    [[ -d "$packages/$name" ]] && return
    (cd "$packages" && apt-get download "$name" >/dev/null 2>&1) || {
        echo "$0: cannot download $name (run apt-get update first)" >&2
        exit 1
    }
    dpkg -x "$packages/${name}"_*.deb "$packages/$name"
}
take() {  # COLLECTION FILE...: copies the files that exist
    local collection=$1
    shift
    mkdir -p "$out/$collection"
    for file in "$@"; do [[ -f $file ]] && cp -n "$file" "$out/$collection/"; done
    return 0
}
for name in python3-skimage python3-sklearn opencv-doc palapeli-data tuxpaint-data; do unpack "$name"; done
skimage="$packages/python3-skimage/usr/lib/python3/dist-packages/skimage/data"
take scikit "$skimage"/{astronaut.png,coffee.png,chelsea.png,rocket.jpg,motorcycle_left.png,camera.png,coins.png} \
    "$packages"/python3-sklearn/usr/lib/python3/dist-packages/sklearn/datasets/images/*.jpg
opencv="$packages/opencv-doc/usr/share/doc/opencv-doc/examples/data"
take opencv "$opencv"/{aero1.jpg,aloeL.jpg,apple.jpg,baboon.jpg,board.jpg,building.jpg,butterfly.jpg,chicky_512.png} \
    "$opencv"/{ela_original.jpg,fruits.jpg,graf1.png,home.jpg,left.jpg,leuvenA.jpg,messi5.jpg,orange.jpg} \
    "$opencv"/{rubberwhale1.png,squirrel_cls.jpg,stuff.jpg,box_in_scene.png}
take palapeli "$packages"/palapeli-data/usr/share/palapeli/collection/*.jpg
take tuxpaint "$packages"/tuxpaint-data/usr/share/tuxpaint/templates/*.jpg
for collection in scikit opencv palapeli tuxpaint; do
    echo "$out/$collection: $(find "$out/$collection" -type f | wc -l) photos"
done
