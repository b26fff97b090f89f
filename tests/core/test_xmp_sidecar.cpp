// XMP sidecars: fresh files, merging into darktable/Lightroom sidecars, the label rule, idempotence, damaged files.
#include <gtest/gtest.h>

#include <exiv2/xmp_exiv2.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "core/base/atomic_file.h"
#include "core/sidecars/xmp_sidecar.h"
#include "support/temp_folder.h"
#include "support/xmp_samples.h"

namespace twinsight::core {
namespace {
using twinsight::testing::kDarktableSidecar;
using twinsight::testing::TempFolder;

XmpUpdate makeUpdate(int rating, bool flagged, std::vector<XmpModelScore> scores) {
    XmpUpdate update;
    update.rating = rating;
    update.flagged = flagged;
    update.flagLabel = "Red";
    update.scores = std::move(scores);
    return update;
}
XmpUpdate flaggedBlurUpdate() { return makeUpdate(-1, true, {{"blur", 0.8125, 3.25, "px"}}); }
XmpUpdate keptBlurUpdate() { return makeUpdate(4, false, {{"blur", 0.125, 0.5, "px"}}); }

// Every property of a packet as Exiv2 key -> text, read independently of the code under test.
std::map<std::string, std::string> properties(const std::string& packet) {
    Exiv2::XmpData data;
    EXPECT_EQ(Exiv2::XmpParser::decode(data, packet), 0) << packet;
    std::map<std::string, std::string> result;
    for (const Exiv2::Xmpdatum& datum : data) result[datum.key()] = datum.toString();
    return result;
}

std::string merged(const std::string& packet, const XmpUpdate& update) {
    return mergeXmpPacket(packet, update, "test.xmp");
}

TEST(XmpSidecar, FreshSidecarHoldsRatingLabelAndScores) {
    TempFolder folder;
    const std::string sidecar = folder.file("IMG_0001.CR2.xmp");
    XmpUpdate update = flaggedBlurUpdate();
    update.scores.push_back({"noise", -0.000123456789, 12.5, "sigma"});
    writeXmpSidecar(sidecar, update);
    auto written = properties(readWholeFile(sidecar));
    EXPECT_EQ(written["Xmp.xmp.Rating"], "-1");
    EXPECT_EQ(written["Xmp.xmp.Label"], "Red");
    EXPECT_EQ(written["Xmp.twinsight.Flagged"], "True");
    EXPECT_EQ(written["Xmp.twinsight.BlurScore"], "0.8125");
    EXPECT_EQ(written["Xmp.twinsight.BlurEstimate"], "3.25");
    EXPECT_EQ(written["Xmp.twinsight.BlurUnit"], "px");
    EXPECT_EQ(written["Xmp.twinsight.NoiseScore"], "-0.000123457");
    EXPECT_EQ(written["Xmp.twinsight.NoiseUnit"], "sigma");
    EXPECT_EQ(readWholeFile(sidecar).rfind("<?xpacket begin=", 0), 0U) << "darktable expects a packet wrapper";
    EXPECT_NE(readWholeFile(sidecar).find(kTwinsightXmpNamespace), std::string::npos);
}

TEST(XmpSidecar, TheExiv2ToolReadsTheSidecar) {
    if (std::system("command -v exiv2 >/dev/null 2>&1") != 0) GTEST_SKIP() << "the exiv2 command-line tool is missing";
    TempFolder folder;
    const std::string sidecar = folder.file("IMG_0001.CR2.xmp");
    writeXmpSidecar(sidecar, flaggedBlurUpdate());
    FILE* pipe = popen(("exiv2 -PXkv '" + sidecar + "' 2>&1").c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string output;
    char buffer[256];
    while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
    EXPECT_EQ(pclose(pipe), 0) << output;
    std::map<std::string, std::string> shown;  // "Xmp.xmp.Rating    -1" lines, however wide the key column is
    std::istringstream lines(output);
    for (std::string key, value; lines >> key && std::getline(lines >> std::ws, value);) shown[key] = value;
    EXPECT_EQ(shown["Xmp.xmp.Rating"], "-1") << output;
    EXPECT_EQ(shown["Xmp.xmp.Label"], "Red") << output;
    EXPECT_EQ(shown["Xmp.twinsight.BlurScore"], "0.8125") << output;
    EXPECT_EQ(shown["Xmp.twinsight.BlurUnit"], "px") << output;
}

TEST(XmpSidecar, MergingKeepsEveryOtherPropertyAndReplacesTheRating) {
    const std::string packet = merged(kDarktableSidecar, keptBlurUpdate());
    auto after = properties(packet);
    EXPECT_EQ(after["Xmp.xmp.Rating"], "4");
    EXPECT_EQ(after["Xmp.twinsight.BlurScore"], "0.125");
    EXPECT_EQ(after["Xmp.xmp.CreatorTool"], "darktable 4.4.2");
    EXPECT_EQ(after["Xmp.dc.subject"], "cat, garden");
    EXPECT_EQ(after["Xmp.dc.title"], "lang=\"x-default\" Evening, lang=\"de-DE\" Abend");
    EXPECT_EQ(after["Xmp.darktable.xmp_version"], "5");
    EXPECT_EQ(after["Xmp.darktable.history_end"], "2");
    EXPECT_EQ(after["Xmp.darktable.history[1]/darktable:operation"], "exposure");
    EXPECT_EQ(after["Xmp.darktable.history[1]/darktable:enabled"], "1");
    EXPECT_EQ(after["Xmp.darktable.history[1]/darktable:params"], "0000c03f");
    EXPECT_EQ(after["Xmp.darktable.history[2]/darktable:operation"], "colorin");
    EXPECT_EQ(after["Xmp.darktable.history[2]/darktable:enabled"], "0");
    EXPECT_EQ(after.count("Xmp.xmp.Label"), 0U);
    // Nothing lost: the merged packet holds the original properties plus Twinsight's, and nothing else.
    auto before = properties(kDarktableSidecar);
    for (const auto& [key, value] : before) {
        if (key != "Xmp.xmp.Rating") {
            EXPECT_EQ(after[key], value) << key;
        }
    }
    EXPECT_EQ(after.size(), before.size() + 4) << packet;  // Flagged, BlurScore, BlurEstimate, BlurUnit
    EXPECT_NE(packet.find("xmlns:darktable=\"http://darktable.sf.net/\""), std::string::npos) << packet;
    EXPECT_NE(packet.find("<rdf:Seq>"), std::string::npos) << "history must stay an ordered sequence";
}

TEST(XmpSidecar, MergingTwiceGivesTheSamePacket) {
    for (const XmpUpdate& update : {flaggedBlurUpdate(), keptBlurUpdate()}) {
        const std::string once = merged(kDarktableSidecar, update);
        EXPECT_EQ(merged(once, update), once);
    }
    const std::string fresh = merged("", flaggedBlurUpdate());
    EXPECT_EQ(merged(fresh, flaggedBlurUpdate()), fresh);
}

TEST(XmpSidecar, AnUnflaggedRunRemovesTheLabelOnlyWhileItIsStillOurs) {
    const std::string flagged = merged(kDarktableSidecar, flaggedBlurUpdate());
    ASSERT_EQ(properties(flagged)["Xmp.xmp.Label"], "Red");

    auto unflagged = properties(merged(flagged, keptBlurUpdate()));
    EXPECT_EQ(unflagged.count("Xmp.xmp.Label"), 0U) << "the label Twinsight set is withdrawn";
    EXPECT_EQ(unflagged["Xmp.twinsight.Flagged"], "False");
    EXPECT_EQ(unflagged["Xmp.xmp.CreatorTool"], "darktable 4.4.2");

    std::string relabelled = flagged;
    const std::string red = "<xmp:Label>Red</xmp:Label>";
    ASSERT_NE(relabelled.find(red), std::string::npos) << relabelled;
    relabelled.replace(relabelled.find(red), red.size(), "<xmp:Label>Green</xmp:Label>");
    EXPECT_EQ(properties(merged(relabelled, keptBlurUpdate()))["Xmp.xmp.Label"], "Green") << "the user's choice";
}

TEST(XmpSidecar, ALabelTwinsightNeverSetIsKept) {
    XmpUpdate update = keptBlurUpdate();
    update.flagLabel = "Green";  // even when it equals the label Twinsight would use
    std::string labelled = kDarktableSidecar;
    const std::string rating = "xmp:Rating=\"3\"";
    labelled.replace(labelled.find(rating), rating.size(), "xmp:Label=\"Green\"");
    EXPECT_EQ(properties(merged(labelled, update))["Xmp.xmp.Label"], "Green");
}

TEST(XmpSidecar, AnEarlierRunsLabelIsRemovedEvenWhenTheLabelOptionChanged) {
    XmpUpdate purple = flaggedBlurUpdate();
    purple.flagLabel = "Purple";
    const std::string flagged = merged("", purple);
    EXPECT_EQ(properties(merged(flagged, keptBlurUpdate())).count("Xmp.xmp.Label"), 0U);
}

TEST(XmpSidecar, ScoresOfOtherTransformsStayUntilOverwritten) {
    const std::string blur = merged(kDarktableSidecar, keptBlurUpdate());
    const XmpUpdate noise = makeUpdate(2, false, {{"noise", 0.25, 7.0, "sigma"}});
    auto both = properties(merged(blur, noise));
    EXPECT_EQ(both["Xmp.twinsight.BlurScore"], "0.125");
    EXPECT_EQ(both["Xmp.twinsight.NoiseScore"], "0.25");
    EXPECT_EQ(both["Xmp.xmp.Rating"], "2");
    XmpUpdate newBlur = keptBlurUpdate();
    newBlur.scores[0].score = 0.375;
    EXPECT_EQ(properties(merged(blur, newBlur))["Xmp.twinsight.BlurScore"], "0.375");
}

void expectRefusedAndUntouched(const std::string& bytes, const std::string& expected) {
    TempFolder folder;
    const std::string sidecar = folder.file("IMG_0001.CR2.xmp");
    writeFileAtomically(sidecar, bytes);
    try {
        writeXmpSidecar(sidecar, flaggedBlurUpdate());
        ADD_FAILURE() << "a damaged sidecar should be refused: " << bytes;
    } catch (const std::runtime_error& error) {
        const std::string message = error.what();
        EXPECT_EQ(message.rfind(sidecar + ": ", 0), 0U) << "the message starts with the path: " << message;
        EXPECT_NE(message.find(expected), std::string::npos) << message;
        EXPECT_EQ(message.find('\n'), std::string::npos) << "one line: " << message;
    }
    EXPECT_EQ(readWholeFile(sidecar), bytes) << "the sidecar is left byte for byte";
    const auto entries = std::distance(std::filesystem::directory_iterator(folder.path()), {});
    EXPECT_EQ(entries, 1) << "no temporary file is left behind";
}

TEST(XmpSidecar, ADamagedSidecarIsRefusedAndLeftAlone) {
    const std::string good = kDarktableSidecar;
    expectRefusedAndUntouched("garbage, not XML at all", "not readable as XMP");
    expectRefusedAndUntouched(good.substr(0, good.size() / 2), "not readable as XMP");
    expectRefusedAndUntouched("<?xml version=\"1.0\"?><notes>keep me</notes>", "not an XMP packet");
}

TEST(XmpSidecar, ASidecarWhoseNamespaceExiv2WouldRewriteIsRefused) {
    std::string foreign = kDarktableSidecar;
    const std::string slash = "darktable.sf.net/";
    foreign.replace(foreign.find(slash), slash.size(), "darktable.sf.net");
    expectRefusedAndUntouched(foreign, "would be rewritten");
}

TEST(XmpSidecar, AnEmptySidecarFileIsFilledIn) {
    TempFolder folder;
    const std::string sidecar = folder.file("IMG_0001.xmp");
    writeFileAtomically(sidecar, "");
    writeXmpSidecar(sidecar, keptBlurUpdate());
    EXPECT_EQ(properties(readWholeFile(sidecar))["Xmp.xmp.Rating"], "4");
}

TEST(XmpSidecar, UnwritableUpdatesAreRejected) {
    XmpUpdate update = keptBlurUpdate();
    update.rating = 6;
    EXPECT_THROW(merged("", update), std::invalid_argument);
    update = keptBlurUpdate();
    update.scores[0].transform = "blur score";
    EXPECT_THROW(merged("", update), std::invalid_argument);
    update = keptBlurUpdate();
    update.scores[0].estimate = std::nan("");
    try {
        describeXmpUpdate("c.xmp", update);
        ADD_FAILURE() << "a NaN estimate cannot be described";
    } catch (const std::invalid_argument& error) {
        EXPECT_EQ(std::string(error.what()).rfind("c.xmp: ", 0), 0U) << error.what();
    }
}

TEST(XmpSidecar, ConcurrentMergesAgree) {
    const std::string expected = merged(kDarktableSidecar, flaggedBlurUpdate());
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (std::string& result : results)
        threads.emplace_back([&result] { result = merged(kDarktableSidecar, flaggedBlurUpdate()); });
    for (std::thread& thread : threads) thread.join();
    for (const std::string& result : results) EXPECT_EQ(result, expected);
}

TEST(XmpSidecar, SidecarPathsForBothNamings) {
    EXPECT_EQ(sidecarPath("/photos/IMG_0001.CR2", SidecarNaming::AppendExtension), "/photos/IMG_0001.CR2.xmp");
    EXPECT_EQ(sidecarPath("/photos/IMG_0001.CR2", SidecarNaming::ReplaceExtension), "/photos/IMG_0001.xmp");
    EXPECT_EQ(sidecarPath("/photos/trip.day1.CR2", SidecarNaming::AppendExtension), "/photos/trip.day1.CR2.xmp");
    EXPECT_EQ(sidecarPath("/photos/trip.day1.CR2", SidecarNaming::ReplaceExtension), "/photos/trip.day1.xmp");
    EXPECT_EQ(sidecarPath("/photos.d/IMG_0001", SidecarNaming::AppendExtension), "/photos.d/IMG_0001.xmp");
    EXPECT_EQ(sidecarPath("/photos.d/IMG_0001", SidecarNaming::ReplaceExtension), "/photos.d/IMG_0001.xmp");
}

TEST(XmpSidecar, ADryRunDescribesEveryPropertyItWouldWrite) {
    XmpUpdate update = flaggedBlurUpdate();
    update.scores.push_back({"jpeg", 1.0 / 3.0, 42.0, "quality"});
    EXPECT_EQ(describeXmpUpdate("a.CR2.xmp", update),
              "a.CR2.xmp: xmp:Rating=-1 xmp:Label=Red twinsight:Flagged=True twinsight:FlagLabel=Red "
              "twinsight:BlurScore=0.8125 twinsight:BlurEstimate=3.25 twinsight:BlurUnit=px "
              "twinsight:JpegScore=0.333333 twinsight:JpegEstimate=42 twinsight:JpegUnit=quality");
    EXPECT_EQ(describeXmpUpdate("b.xmp", keptBlurUpdate()),
              "b.xmp: xmp:Rating=4 twinsight:Flagged=False twinsight:BlurScore=0.125 twinsight:BlurEstimate=0.5 "
              "twinsight:BlurUnit=px");
}

TEST(XmpSidecar, SidecarNamingIsParsedStrictly) {
    EXPECT_EQ(parseSidecarNaming("full"), SidecarNaming::AppendExtension);
    EXPECT_EQ(parseSidecarNaming("base"), SidecarNaming::ReplaceExtension);
    for (const std::string bad : {"FULL", "", "lightroom"}) {
        try {
            parseSidecarNaming(bad);
            ADD_FAILURE() << "'" << bad << "' should be refused";
        } catch (const std::invalid_argument& error) {
            EXPECT_NE(std::string(error.what()).find("'" + bad + "'"), std::string::npos) << error.what();
        }
    }
}

TEST(XmpSidecar, APrefixOfOursBoundToAnotherNamespaceIsRefusedAndLaterSidecarsKeepOurs) {
    const std::string rebound = R"(<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF
        xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about=""
        xmlns:twinsight="http://example.com/other/" twinsight:BlurScore="9"/></rdf:RDF></x:xmpmeta>)";
    try {
        merged(rebound, flaggedBlurUpdate());
        ADD_FAILURE() << "a sidecar whose twinsight prefix means another namespace was merged";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("test.xmp: prefix 'twinsight' stands for"), std::string::npos)
            << error.what();
    }
    // Exiv2's registry is process-wide: the next sidecar is written in Twinsight's own namespace again.
    const std::string fresh = merged("", keptBlurUpdate());
    EXPECT_NE(fresh.find(std::string("xmlns:twinsight=\"") + kTwinsightXmpNamespace + "\""), std::string::npos)
        << fresh;
    EXPECT_EQ(fresh.find("example.com"), std::string::npos) << fresh;
}

TEST(XmpSidecar, AReviewDecisionIsWhatDarktableAndDigikamReadAndKeepsTheRest) {
    const std::string rejected = mergeReviewDecision(kDarktableSidecar, ReviewDecision::Reject, "test.xmp");
    auto after = properties(rejected);
    EXPECT_EQ(after["Xmp.xmp.Rating"], "-1");  // darktable's rejected
    EXPECT_EQ(after["Xmp.digiKam.PickLabel"], "1");
    EXPECT_EQ(after["Xmp.twinsight.Review"], "Reject");
    EXPECT_NE(rejected.find("xmlns:digiKam=\"http://www.digikam.org/ns/1.0/\""), std::string::npos) << rejected;
    const auto before = properties(kDarktableSidecar);
    for (const auto& [key, value] : before) {
        if (key != "Xmp.xmp.Rating") {
            EXPECT_EQ(after[key], value) << key;
        }
    }
    EXPECT_EQ(after.size(), before.size() + 2) << rejected;

    // Kept after all: the rejection is lifted, without stars the user never gave.
    const auto kept = properties(mergeReviewDecision(rejected, ReviewDecision::Keep, "test.xmp"));
    EXPECT_EQ(kept.at("Xmp.xmp.Rating"), "0");
    EXPECT_EQ(kept.at("Xmp.digiKam.PickLabel"), "3");
    EXPECT_EQ(kept.at("Xmp.twinsight.Review"), "Keep");
}

TEST(XmpSidecar, KeepingAnImageLeavesItsStarsAndScores) {
    const std::string scored = merged("", keptBlurUpdate());
    const auto kept = properties(mergeReviewDecision(scored, ReviewDecision::Keep, "test.xmp"));
    EXPECT_EQ(kept.at("Xmp.xmp.Rating"), "4");
    EXPECT_EQ(kept.at("Xmp.twinsight.BlurScore"), "0.125");
    EXPECT_EQ(kept.at("Xmp.digiKam.PickLabel"), "3");
}

TEST(XmpSidecar, AReviewDecisionIsWrittenAtomicallyAndRefusedOnADamagedSidecar) {
    TempFolder folder;
    const std::string sidecar = folder.file("IMG_0002.JPG.xmp");
    writeReviewDecision(sidecar, ReviewDecision::Reject);
    EXPECT_EQ(properties(readWholeFile(sidecar)).at("Xmp.xmp.Rating"), "-1");
    const std::string damaged = folder.file("IMG_0003.JPG.xmp");
    writeFileAtomically(damaged, "<x:xmpmeta><rdf:RDF");
    EXPECT_THROW(writeReviewDecision(damaged, ReviewDecision::Keep), std::runtime_error);
    EXPECT_EQ(readWholeFile(damaged), "<x:xmpmeta><rdf:RDF");
}

TEST(XmpSidecar, TheBestOfABurstGetsItsLabelWhichALaterRunTakesBackWhenItIsNoLongerBest) {
    XmpUpdate best = keptBlurUpdate();
    best.burstGroup = 3;
    best.bestInGroup = true;
    best.bestLabel = "Green";
    const std::string first = merged(kDarktableSidecar, best);
    auto after = properties(first);
    EXPECT_EQ(after["Xmp.xmp.Label"], "Green");
    EXPECT_EQ(after["Xmp.twinsight.BurstGroup"], "3");
    EXPECT_EQ(after["Xmp.twinsight.BestInGroup"], "True");
    XmpUpdate notBest = best;
    notBest.bestInGroup = false;
    after = properties(merged(first, notBest));
    EXPECT_EQ(after.count("Xmp.xmp.Label"), 0U) << "the label this run set is taken back";
    EXPECT_EQ(after["Xmp.twinsight.BestInGroup"], "False");
    // A flagged best shot gets the flag's label: a flag is what the user must see.
    XmpUpdate flaggedBest = best;
    flaggedBest.flagged = true;
    EXPECT_EQ(properties(merged(first, flaggedBest))["Xmp.xmp.Label"], "Red");
    // A run without grouping takes back an earlier grouping's verdict, with its label.
    const auto ungrouped = properties(merged(first, keptBlurUpdate()));
    EXPECT_EQ(ungrouped.count("Xmp.twinsight.BurstGroup"), 0U);
    EXPECT_EQ(ungrouped.count("Xmp.twinsight.BestInGroup"), 0U);
    EXPECT_EQ(ungrouped.count("Xmp.xmp.Label"), 0U);
}

}  // namespace
}  // namespace twinsight::core
