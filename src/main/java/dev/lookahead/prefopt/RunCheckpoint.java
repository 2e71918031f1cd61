package dev.lookahead.prefopt;

import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.model.ModelFiles;
import dev.lookahead.model.SearchModel;
import dev.lookahead.train.OptimiserStep;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkpoint of a Preference Lab run in its folder: where the run stands, the model's weights and the optimiser's
 * state, written atomically beside a loadable model (model.json, weights.bin).
 */
final class RunCheckpoint {
    static final String FILE = "checkpoint.bin";
    private static final int VERSION = 1;

    /** Where a run stands: steps taken, training seconds, and how many training lines it was made for. */
    record State(long step, double elapsedSeconds, int items) {
    }

    /** A checkpoint read back: its state, the model with its weights, and the optimiser's state to load. */
    record Loaded(State state, SearchModel model, byte[] optimiser) {
        DataInputStream optimiserStream() {
            return new DataInputStream(new ByteArrayInputStream(optimiser));
        }
    }

    private RunCheckpoint() {
    }

    static void write(Path folder, int magic, State state, SearchModel model, OptimiserStep optimiser) throws IOException {
        AtomicFiles.writeBytes(folder.resolve(FILE), out -> {
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
            data.writeInt(magic);
            data.writeInt(VERSION);
            data.writeUTF(Json.line(state));
            model.saveWeights(data);
            optimiser.save(data);
            data.flush();
        });
        ModelFiles.writeWeights(model, folder);
    }

    /**
     * The folder's checkpoint, or null when it has none; the model takes {@code like}'s shape and device. Refused when it
     * belongs to another kind of run or to another list of training lines.
     */
    static Loaded read(Path folder, int magic, int items, SearchModel like) throws IOException {
        Path checkpoint = folder.resolve(FILE);
        if (!Files.isRegularFile(checkpoint)) return null;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(checkpoint)))) {
            if (in.readInt() != magic || in.readInt() != VERSION) {
                throw new IOException(checkpoint + " is not a checkpoint of this kind of run, or of a version this build reads");
            }
            State state = Json.MAPPER.readValue(in.readUTF(), State.class);
            if (state.items() != items) {
                throw new IOException(checkpoint + " was written for " + state.items() + " training lines, but the run has " + items
                        + "; put back the run's own lines or delete the checkpoint to start again");
            }
            SearchModel model = SearchModel.read(checkpoint.toString(), like.config(), like.device(), in);
            return new Loaded(state, model, in.readAllBytes());
        } catch (java.io.EOFException e) {
            throw new IOException(checkpoint + " ends early: the file is truncated; delete it to start again", e);
        }
    }
}
