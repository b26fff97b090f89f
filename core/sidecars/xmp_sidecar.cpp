// XMP sidecars through Exiv2: decode the existing packet, change only Twinsight's properties, encode, write atomically.
#include "core/sidecars/xmp_sidecar.h"

#include <exiv2/error.hpp>
#include <exiv2/properties.hpp>
#include <exiv2/xmp_exiv2.hpp>

#include <cctype>
#include <cmath>
#include <filesystem>
#include <functional>
#include <locale>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>

#include "core/base/atomic_file.h"
#include "core/base/internal/exiv2_toolkit.h"

namespace twinsight::core {

// A URL we control, versioned so a later incompatible layout can move to /2.0/.
const char* const kTwinsightXmpNamespace = "http://ns.twinsight.app/xmp/1.0/";

namespace {
namespace fs = std::filesystem;

// The prefix tools show next to our properties (twinsight:BlurScore).
const char* const kTwinsightPrefix = "twinsight";
// Same wrapper Exiv2's own XmpSidecar writes; the toolkit's wrapper would add 2 KB of padding nobody needs here.
const char* const kPacketHeader = "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
const char* const kPacketTrailer = "<?xpacket end=\"w\"?>\n";
// Every XMP packet declares RDF; a well-formed file without it is some other XML we must not overwrite.
const char* const kRdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
// digiKam's pick labels (digiKam:PickLabel): 0 none, 1 rejected, 2 pending, 3 accepted.
const char* const kPickRejected = "1";
const char* const kPickAccepted = "3";
// Six significant digits (like %.6g) are far below the models' own error, and keep the sidecar readable.
constexpr int kRealDigits = 6;

// One property Twinsight writes: prefix ("xmp"), name ("Rating") and value text.
using Property = std::tuple<std::string, std::string, std::string>;

void prepareSidecars() {
    prepareExiv2();
    static std::once_flag once;
    std::call_once(once, [] { Exiv2::XmpProperties::registerNs(kTwinsightXmpNamespace, kTwinsightPrefix); });
}

std::string formatReal(double value) {
    std::ostringstream text;
    text.imbue(std::locale::classic());  // "0.5" even where the user's locale writes "0,5"
    text.precision(kRealDigits);
    text << value;
    return text.str();
}

// "blur" -> "Blur", the stem of twinsight:BlurScore; the name must be a plain word to be an XML name.
std::string propertyStem(const std::string& transform, const std::string& source) {
    bool plain = !transform.empty() && std::isalpha(static_cast<unsigned char>(transform[0]));
    for (const char c : transform) plain = plain && std::isalnum(static_cast<unsigned char>(c));
    if (!plain)
        throw std::invalid_argument(source + ": transform name '" + transform + "': expected letters and digits only");
    std::string stem = transform;
    stem[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(stem[0])));
    return stem;
}

// The properties `update` sets, in the order they are described and written; `source` starts every error message.
std::vector<Property> twinsightProperties(const XmpUpdate& update, const std::string& source) {
    if (update.rating < -1 || update.rating > 5)
        throw std::invalid_argument(source + ": rating " + std::to_string(update.rating) + ": expected -1 to 5");
    if (update.flagged && update.flagLabel.empty()) throw std::invalid_argument(source + ": empty flag label");
    if (update.burstGroup < 0) throw std::invalid_argument(source + ": negative burst group");
    const std::string label = update.label();
    std::vector<Property> properties{{"xmp", "Rating", std::to_string(update.rating)}};
    if (!label.empty()) properties.emplace_back("xmp", "Label", label);
    properties.emplace_back(kTwinsightPrefix, "Flagged", update.flagged ? "True" : "False");
    // Remembers which label this run set (flag or best of a burst), so a later run removes exactly that label and
    // never the user's own.
    if (!label.empty()) properties.emplace_back(kTwinsightPrefix, "FlagLabel", label);
    if (update.burstGroup > 0) {
        properties.emplace_back(kTwinsightPrefix, "BurstGroup", std::to_string(update.burstGroup));
        properties.emplace_back(kTwinsightPrefix, "BestInGroup", update.bestInGroup ? "True" : "False");
    }
    for (const XmpModelScore& model : update.scores) {
        const std::string stem = propertyStem(model.transform, source);
        if (!std::isfinite(model.score) || !std::isfinite(model.estimate))
            throw std::invalid_argument(source + ": scores of " + model.transform + ": not a finite number");
        properties.emplace_back(kTwinsightPrefix, stem + "Score", formatReal(model.score));
        properties.emplace_back(kTwinsightPrefix, stem + "Estimate", formatReal(model.estimate));
        properties.emplace_back(kTwinsightPrefix, stem + "Unit", model.unit);
    }
    return properties;
}

std::string exiv2Reason(const std::string& fallback) { return lastExiv2Message().empty() ? fallback : lastExiv2Message(); }

Exiv2::XmpData decodePacket(const std::string& packet, const std::string& source) {
    Exiv2::XmpData data;
    if (packet.find_first_not_of(" \t\r\n") == std::string::npos) return data;  // an empty file holds nothing to keep
    lastExiv2Message().clear();
    int status = 0;
    try {
        status = Exiv2::XmpParser::decode(data, packet);
    } catch (const Exiv2::AnyError& error) {
        throw std::runtime_error(source + ": not readable as XMP (" + error.what() + "); left unchanged");
    }
    if (status != 0)
        throw std::runtime_error(source + ": not readable as XMP (" + exiv2Reason("malformed XML") +
                                 "); left unchanged");
    if (data.empty() && packet.find(kRdfNamespace) == std::string::npos)
        throw std::runtime_error(source + ": not an XMP packet (no RDF inside); left unchanged");
    return data;
}

std::string textOf(const Exiv2::XmpData& data, const std::string& key) {
    const auto found = data.findKey(Exiv2::XmpKey(key));
    return found == data.end() ? std::string() : found->toString();
}

// Removes the xmp:Label an earlier run set when this run sets none, unless the user changed it since.
void retractOwnLabel(Exiv2::XmpData& data, const XmpUpdate& update) {
    const std::string twinsightKey = std::string("Xmp.") + kTwinsightPrefix + ".";
    std::string ownLabel = textOf(data, twinsightKey + "FlagLabel");
    // Sidecars from before the label was recorded: a flagged one carries the flag's label.
    if (ownLabel.empty() && textOf(data, twinsightKey + "Flagged") == "True") ownLabel = update.flagLabel;
    const auto label = data.findKey(Exiv2::XmpKey("Xmp.xmp.Label"));
    if (!ownLabel.empty() && label != data.end() && label->toString() == ownLabel) data.erase(label);
    const auto record = data.findKey(Exiv2::XmpKey(twinsightKey + "FlagLabel"));
    if (record != data.end()) data.erase(record);
}

std::string encodePacket(const Exiv2::XmpData& data, const std::string& source) {
    lastExiv2Message().clear();
    std::string packet;
    int status = 0;
    try {
        // Not compact: one element per property, which people can read and diff.
        status = Exiv2::XmpParser::encode(packet, data, Exiv2::XmpParser::omitPacketWrapper);
    } catch (const Exiv2::AnyError& error) {
        throw std::runtime_error(source + ": cannot encode XMP (" + error.what() + ")");
    }
    if (status != 0) throw std::runtime_error(source + ": cannot encode XMP (" + exiv2Reason("toolkit error") + ")");
    if (!packet.empty() && packet.back() != '\n') packet += '\n';
    return kPacketHeader + packet + kPacketTrailer;
}

std::set<std::string> declaredNamespaces(const std::string& packet) {
    static const std::regex declaration(R"(xmlns:[A-Za-z_][\w.-]*\s*=\s*["']([^"']*)["'])");
    std::set<std::string> uris;
    for (auto it = std::sregex_iterator(packet.begin(), packet.end(), declaration); it != std::sregex_iterator(); ++it)
        uris.insert((*it)[1].str());
    return uris;
}

// Exiv2 0.27 appends '/' to a foreign namespace URI that ends in neither '/' nor '#', which silently moves its
// properties to another namespace. Refuse such a sidecar instead of changing the meaning of its contents.
void checkNamespacesKept(const std::string& before, const std::string& after, const std::string& source) {
    const std::set<std::string> written = declaredNamespaces(after);
    for (const std::string& uri : declaredNamespaces(before)) {
        if (!written.count(uri) && written.count(uri + "/"))
            throw std::runtime_error(source + ": namespace '" + uri +
                                     "' would be rewritten by Exiv2 (trailing '/' added); left unchanged");
    }
}

// The prefixes Twinsight writes under, and the namespaces they must stand for.
const std::vector<std::pair<std::string, std::string>>& ownPrefixes() {
    static const std::vector<std::pair<std::string, std::string>> prefixes = {
        {"xmp", "http://ns.adobe.com/xap/1.0/"},
        {"digiKam", "http://www.digikam.org/ns/1.0/"},
        {kTwinsightPrefix, kTwinsightXmpNamespace}};
    return prefixes;
}

// Exiv2 binds a prefix to the namespace the last decoded packet declared for it, for the whole process: one sidecar
// declaring xmlns:twinsight="other" would move every later sidecar's scores into "other". Each merge ends by putting
// the registry back as it was.
class NamespaceRegistryRestorer {
public:
    NamespaceRegistryRestorer() = default;
    NamespaceRegistryRestorer(const NamespaceRegistryRestorer&) = delete;
    NamespaceRegistryRestorer& operator=(const NamespaceRegistryRestorer&) = delete;
    ~NamespaceRegistryRestorer() {
        try {
            Exiv2::XmpProperties::unregisterNs();
            Exiv2::XmpProperties::registerNs(kTwinsightXmpNamespace, kTwinsightPrefix);
        } catch (const Exiv2::AnyError&) {
            // the registry keeps the packet's namespaces; the checks below still refuse what they would break
        }
    }
};

// Refuses a packet that binds one of Twinsight's prefixes to another namespace: writing there would put the rating
// or the scores where no photo tool looks for them.
void checkOwnPrefixes(const std::string& source) {
    for (const auto& [prefix, uri] : ownPrefixes()) {
        const std::string bound = Exiv2::XmpProperties::ns(prefix);
        if (bound != uri)
            throw std::runtime_error(source + ": prefix '" + prefix + "' stands for '" + bound + "', not '" + uri +
                                     "'; left unchanged");
    }
}

// Exiv2 writes some namespace URIs back without escaping them ('&'); a packet it cannot read again is never written.
void checkReadableAgain(const std::string& merged, const std::string& source) {
    Exiv2::XmpData reread;
    bool readable = false;
    try {
        readable = Exiv2::XmpParser::decode(reread, merged) == 0;
    } catch (const Exiv2::AnyError&) {
        readable = false;
    }
    if (!readable)
        throw std::runtime_error(source +
                                 ": Exiv2 would write it back as unreadable XMP (a namespace it cannot "
                                 "escape); left unchanged");
}

// Decodes `existingPacket`, lets `change` set properties in it and encodes it again, refusing any packet whose
// meaning the round trip through Exiv2 would change.
template <typename Change>
std::string changePacket(const std::string& existingPacket, const std::string& source, Change change) {
    prepareSidecars();
    const std::lock_guard<std::mutex> lock(exiv2Mutex());
    const NamespaceRegistryRestorer restorer;
    Exiv2::XmpData data = decodePacket(existingPacket, source);
    checkOwnPrefixes(source);
    try {
        change(data);
    } catch (const Exiv2::AnyError& error) {
        throw std::runtime_error(source + ": cannot set Twinsight's properties (" + error.what() + ")");
    }
    std::string merged = encodePacket(data, source);
    checkNamespacesKept(existingPacket, merged, source);
    checkReadableAgain(merged, source);
    return merged;
}

void writeMergedSidecar(const std::string& sidecar, const std::function<std::string(const std::string&)>& merge) {
    // Read, merge and write as one: two writers of one sidecar (a review's decisions and the scores) never interleave
    // and lose the other's change.
    static std::mutex sidecarsMutex;
    const std::lock_guard<std::mutex> lock(sidecarsMutex);
    std::error_code error;
    const bool present = fs::exists(fs::status(sidecar, error));
    // readWholeFile refuses a FIFO or a device, which the write would otherwise wait on or write into
    const std::string existing = present ? readWholeFile(sidecar) : std::string();
    writeFileAtomically(sidecar, merge(existing));
}

}  // namespace

std::string XmpUpdate::label() const {
    if (flagged) return flagLabel;
    return bestInGroup ? bestLabel : std::string();
}

SidecarNaming parseSidecarNaming(const std::string& text) {
    if (text == "full") return SidecarNaming::AppendExtension;
    if (text == "base") return SidecarNaming::ReplaceExtension;
    throw std::invalid_argument("sidecar naming '" + text +
                                "': expected 'full' (IMG_0001.CR2.xmp) or 'base' (IMG_0001.xmp)");
}

std::string sidecarPath(const std::string& imagePath, SidecarNaming naming) {
    fs::path path(imagePath);
    if (naming == SidecarNaming::ReplaceExtension) return path.replace_extension(".xmp").string();
    return imagePath + ".xmp";
}

std::string mergeXmpPacket(const std::string& existingPacket, const XmpUpdate& update,
                           const std::string& sourceForErrors) {
    const std::vector<Property> properties = twinsightProperties(update, sourceForErrors);
    return changePacket(existingPacket, sourceForErrors, [&](Exiv2::XmpData& data) {
        if (update.label().empty()) retractOwnLabel(data, update);
        for (const auto& [prefix, name, value] : properties) data["Xmp." + prefix + "." + name] = value;
        if (update.burstGroup == 0) {  // not grouped this time: an earlier grouping's verdict no longer holds
            for (const char* stale : {"BurstGroup", "BestInGroup"}) {
                const auto found = data.findKey(Exiv2::XmpKey(std::string("Xmp.") + kTwinsightPrefix + "." + stale));
                if (found != data.end()) data.erase(found);
            }
        }
    });
}

std::string mergeReviewDecision(const std::string& existingPacket, ReviewDecision decision,
                                const std::string& sourceForErrors) {
    return changePacket(existingPacket, sourceForErrors, [&](Exiv2::XmpData& data) {
        const bool keep = decision == ReviewDecision::Keep;
        const auto rating = data.findKey(Exiv2::XmpKey("Xmp.xmp.Rating"));
        if (!keep)
            data["Xmp.xmp.Rating"] = "-1";
        else if (rating != data.end() && rating->toString() == "-1")
            data["Xmp.xmp.Rating"] = "0";  // kept after all: no longer rejected, and no stars the user did not give
        data["Xmp.digiKam.PickLabel"] = keep ? kPickAccepted : kPickRejected;
        data[std::string("Xmp.") + kTwinsightPrefix + ".Review"] = keep ? "Keep" : "Reject";
    });
}

std::string describeXmpUpdate(const std::string& sidecar, const XmpUpdate& update) {
    std::string line = sidecar + ":";
    for (const auto& [prefix, name, value] : twinsightProperties(update, sidecar))
        line += " " + prefix + ":" + name + "=" + value;
    return line;
}

void writeXmpSidecar(const std::string& sidecar, const XmpUpdate& update) {
    writeMergedSidecar(sidecar, [&](const std::string& existing) { return mergeXmpPacket(existing, update, sidecar); });
}

void writeReviewDecision(const std::string& sidecar, ReviewDecision decision) {
    writeMergedSidecar(sidecar,
                       [&](const std::string& existing) { return mergeReviewDecision(existing, decision, sidecar); });
}

}  // namespace twinsight::core
