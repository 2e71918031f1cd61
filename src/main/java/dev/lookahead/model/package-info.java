/**
 * The search transformer (own DJL blocks), its configuration and initialisation, model files, devices and activation capture under TransformerLens-style names.
 * May import {@code io} and {@code search} (RoomsTest keeps it so).
 */
package dev.lookahead.model;
