// The library in one import: `import Lint` gives the stages a check or a tool needs.
// Each stage is its own target so that the compiler keeps the pipeline one way:
// Model ← Readers ← Extraction ← Engine (docs/architecture.md).
@_exported import Engine
@_exported import Extraction
@_exported import Model
@_exported import Readers
