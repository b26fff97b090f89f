#include "cli/help_formatter.h"

#include <sstream>

namespace twinsight::cli {

// Wide enough that the longest option with its type and default keeps two spaces before its description.
HelpFormatter::HelpFormatter() { column_width(32); }

std::string HelpFormatter::make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const {
    if (mode != CLI::AppFormatMode::All) return CLI::Formatter::make_subcommands(app, mode);
    std::string text = CLI::Formatter::make_subcommands(app, CLI::AppFormatMode::Normal);
    for (const CLI::App* command : app->get_subcommands({})) text += make_expanded(command);
    return text;
}

std::string HelpFormatter::make_expanded(const CLI::App* command) const {
    const std::vector<const CLI::Option*> options = command->get_options([command](const CLI::Option* option) {
        return option != command->get_help_ptr() && option != command->get_help_all_ptr();
    });
    if (options.empty()) return {};
    std::string usage = make_usage(command, command->get_parent()->get_name() + " " + command->get_name());
    usage = usage.substr(usage.find(':') + 2);  // "Usage: twinsight-cli score [OPTIONS] [PATH...]\n"
    usage.pop_back();
    std::ostringstream out;
    out << "\n" << usage << ":\n";
    for (const bool positional : {true, false}) {
        for (const CLI::Option* option : options) {
            if (option->get_positional() == positional) out << make_option(option, positional);
        }
    }
    return out.str();
}

}  // namespace twinsight::cli
