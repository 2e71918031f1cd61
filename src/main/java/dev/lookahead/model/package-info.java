/**
 * The search transformer (own DJL blocks), its configuration and initialisation, model files, devices and activation capture under TransformerLens-style names;
 * every call past DJL's engine-neutral API into PyTorch in one class, {@link dev.lookahead.model.TorchCalls}.
 * May import {@code io} and {@code search} (RoomsTest keeps it so).
 */
package dev.lookahead.model;
