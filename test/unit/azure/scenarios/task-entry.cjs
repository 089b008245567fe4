// TaskMockRunner requires the task; the built task is an ES module, so this loads it.
import('../../../../dist/azure/main/index.js');
