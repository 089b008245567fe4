// One MockTestRunner scenario: the inputs come as JSON in DATACLONE_L0_INPUTS.
const path = require('node:path');
const { TaskMockRunner } = require('azure-pipelines-task-lib/mock-run');

const runner = new TaskMockRunner(path.join(__dirname, 'task-entry.cjs'));
for (const [name, value] of Object.entries(JSON.parse(process.env.DATACLONE_L0_INPUTS || '{}'))) {
  runner.setInput(name, value);
}
// The task is bundled with its own copy of azure-pipelines-task-lib, so the mock task library
// cannot stand in for it: noMockTask mode runs the task as it is and reads what it prints.
runner.run(true);
