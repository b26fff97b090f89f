#pragma once
// Twinsight's results in XMP sidecars (rating, colour label, per-model scores) for darktable, digiKam and Lightroom.
// An existing sidecar is merged, never replaced: every property Twinsight does not own survives.

#include <string>
#include <vector>

namespace twinsight::core {

// Which file name the photo tools look for next to `IMG_0001.CR2`.
enum class SidecarNaming {
    AppendExtension,   // IMG_0001.CR2.xmp: darktable, digiKam (default)
    ReplaceExtension,  // IMG_0001.xmp: Lightroom and other Adobe tools
};

// "full" -> AppendExtension, "base" -> ReplaceExtension; std::invalid_argument naming the value otherwise.
SidecarNaming parseSidecarNaming(const std::string& text);

// The sidecar file that belongs to `imagePath` under `naming`.
std::string sidecarPath(const std::string& imagePath, SidecarNaming naming);

// One model's verdict on one image.
struct XmpModelScore {
    std::string transform;  // the transform's name, e.g. "blur" -> twinsight:BlurScore
    double score;
    double estimate;
    std::string unit;
};

// What one Twinsight run writes for one image.
struct XmpUpdate {
    int rating = 0;                // -1 (rejected) .. 5, written as xmp:Rating
    bool flagged = false;
    std::string flagLabel = "Red";  // written as xmp:Label when flagged
    std::vector<XmpModelScore> scores;  // one per model
    // Bursts (score --groups): the image's group, 1, 2... (0: not grouped, nothing written), whether it is the
    // group's best, and the xmp:Label the best gets unless flagged (empty: none).
    int burstGroup = 0;
    bool bestInGroup = false;
    std::string bestLabel;

    // The xmp:Label this update sets: the flag's, else the best-in-group one, else none.
    std::string label() const;
};

// The XMP namespace Twinsight's own properties live in; its prefix is "twinsight".
extern const char* const kTwinsightXmpNamespace;

// Merges `update` into `existingPacket` (empty = no sidecar yet) and returns the new packet. Everything else in the
// packet is kept. Throws std::runtime_error("SOURCE: reason") when `existingPacket` is not readable XMP, and
// std::invalid_argument("SOURCE: reason") for an update that cannot be written (rating out of range, odd transform
// name, NaN score).
std::string mergeXmpPacket(const std::string& existingPacket, const XmpUpdate& update,
                           const std::string& sourceForErrors);

// One line for a dry run: "SIDECAR: xmp:Rating=1 xmp:Label=Red twinsight:Flagged=True twinsight:BlurScore=...".
// Throws std::invalid_argument("SIDECAR: reason") for an update mergeXmpPacket would refuse.
std::string describeXmpUpdate(const std::string& sidecar, const XmpUpdate& update);

// Reads the existing sidecar if any, merges `update` into it and writes it atomically. Throws
// std::runtime_error("SIDECAR: reason") for a malformed existing sidecar without touching it.
void writeXmpSidecar(const std::string& sidecar, const XmpUpdate& update);

// A reviewer's verdict on one image.
enum class ReviewDecision { Keep, Reject };

// Merges `decision` into `existingPacket` as darktable and digiKam read it, keeping everything else: Reject sets
// xmp:Rating -1 and digiKam:PickLabel 1 (rejected); Keep sets digiKam:PickLabel 3 (accepted) and lifts a rejection
// (xmp:Rating -1 becomes 0), other stars kept. twinsight:Review records it. Throws like mergeXmpPacket.
std::string mergeReviewDecision(const std::string& existingPacket, ReviewDecision decision,
                                const std::string& sourceForErrors);
// Reads the existing sidecar if any, merges `decision` and writes it atomically; throws like writeXmpSidecar.
void writeReviewDecision(const std::string& sidecar, ReviewDecision decision);

}  // namespace twinsight::core
