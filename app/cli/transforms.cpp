// `transforms`: the transformations with their unit, default range and view.

#include <iomanip>
#include <iostream>

#include "cli/commands.h"
#include "core/degrade/transform.h"

namespace twinsight::cli {

void addTransformsCommand(CLI::App& app) {
    CLI::App* command = app.add_subcommand("transforms", "List the transformations: name, unit, range, view");
    command->callback([] {
        for (const core::Transform* t : core::allTransforms()) {
            const core::Range range = t->defaultRange();
            std::cout << std::left << std::setw(11) << t->name() << " unit=" << t->unit() << "  default=" << range.min
                      << ":" << range.max << "  view=" << core::toString(t->view()) << "  " << t->description() << "\n";
        }
    });
}

}  // namespace twinsight::cli
