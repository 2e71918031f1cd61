/**
 * Files that cannot hurt: atomic writes, JSON (one mapper), JSON lines read line by line as UTF-8, NPZ, and the XML gate that refuses DTDs and entities.
 * May import nothing else of the workbench (RoomsTest keeps it so).
 */
package dev.lookahead.io;
