/**
 * The search transformer (own DJL blocks), its configuration and initialisation, model files, devices and activation capture under TransformerLens-style names.
 */
package dev.lookahead.model;
