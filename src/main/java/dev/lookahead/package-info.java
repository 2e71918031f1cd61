/**
 * The workbench's entry point: {@code Main} opens the window or runs a headless command. Rooms below it, by purpose; imports run one way, from {@code ui} and {@code cli} down to the core, which never touches JavaFX.
 */
package dev.lookahead;
