#pragma once
// How twinsight-cli prints its help. --help-all lists the commands, then each command's usage with its arguments and
// options under it: one paragraph per command, the layout help2man turns into the manual page's sections.

#include <CLI/CLI.hpp>

namespace twinsight::cli {

class HelpFormatter : public CLI::Formatter {
public:
    HelpFormatter();
    std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override;
    std::string make_expanded(const CLI::App* command) const override;
};

}  // namespace twinsight::cli
