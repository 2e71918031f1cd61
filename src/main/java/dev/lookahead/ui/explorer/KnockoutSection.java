package dev.lookahead.ui.explorer;

import dev.lookahead.inspect.Inspection;
import dev.lookahead.interp.CausalEffect;
import dev.lookahead.interp.Trace;
import dev.lookahead.model.Interventions;
import dev.lookahead.model.SearchModel;
import dev.lookahead.ui.BackgroundWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * "What if?" in the Explorer (docs/interventions.md): the traced graph's attention operations, each a check box that
 * knocks it out; every change re-runs the model with those operations knocked out (one forward pass, off the UI thread)
 * and shows the prediction and the logit difference beside the clean ones. Undo takes back the last knockout, Clear all.
 * A click on an operation in the circuit view ticks or unticks its box ({@link #toggle}).
 */
final class KnockoutSection extends VBox {
    private final Label hint = new Label("Trace a graph (Run) to knock out its attention operations.");
    /** The offered operations, drawn by a virtualised list: only the rows in view exist, however long the trace. */
    private final javafx.scene.control.ListView<Offer> operations = new javafx.scene.control.ListView<>();
    private final Label result = new Label();
    private final Button undo = new Button("Undo");
    private final Button clear = new Button("Clear");
    private final javafx.scene.control.ComboBox<dev.lookahead.interp.Corruption> corruption = new javafx.scene.control.ComboBox<>(
            javafx.collections.FXCollections.observableArrayList(dev.lookahead.interp.Corruption.values()));
    private final Button patching = new Button("Patching map");
    private final ProgressBar patchingProgress = new ProgressBar(0);
    private final Button patchingCancel = new Button("Cancel");
    private final BackgroundWork patchingWork = new BackgroundWork(patchingProgress, patchingCancel);
    /** Told the patching map's figure when one is made, and null when the graph changes. */
    private Consumer<dev.lookahead.figures.PatchingFigure> onPatching = figure -> { };
    private final List<Offer> order = new ArrayList<>();
    private final Consumer<String> status;
    /** Told the operations knocked out after every change (the circuit view strikes them through). */
    private Consumer<List<Interventions.Knockout>> onChange = knocked -> { };
    private SearchModel model;
    private Inspection traced;
    private long generation;

    KnockoutSection(Consumer<String> status) {
        super(4);
        this.status = status;
        hint.setWrapText(true);
        result.setWrapText(true);
        operations.setPrefHeight(150);
        operations.setCellFactory(view -> new OfferCell());
        undo.setOnAction(e -> {
            if (!order.isEmpty()) order.get(order.size() - 1).out.set(false);
        });
        clear.setOnAction(e -> List.copyOf(order).forEach(offer -> offer.out.set(false)));
        corruption.getSelectionModel().select(dev.lookahead.interp.Corruption.PATH_EDGE);
        corruption.setTooltip(new javafx.scene.control.Tooltip("The counterfactual: one edge of the start-goal path removed, or the goal moved"
                + " to another branch's end (docs/interventions.md)"));
        patching.setTooltip(new javafx.scene.control.Tooltip("Patch every (layer, position) of the residual stream from this graph into its"
                + " counterfactual and draw the share of the logit difference each restores (the Patching view)"));
        patching.setOnAction(e -> runPatching());
        patchingProgress.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(hint, operations, new HBox(6, undo, clear), result, new Label("Patch from the counterfactual:"),
                new HBox(6, corruption, patching), new HBox(6, patchingProgress, patchingCancel));
        clear();
    }

    /** Forgets the graph: nothing to knock out until the next trace. */
    void clear() {
        generation++;
        model = null;
        traced = null;
        order.clear();
        operations.getItems().clear();
        onChange.accept(List.of());
        onPatching.accept(null);
        patching.setDisable(true);
        result.setText("");
        hint.setText("Trace a graph (Run) to knock out its attention operations.");
        undo.setDisable(true);
        clear.setDisable(true);
    }

    /** Offers the traced operations of {@code inspection} to knock out. */
    void show(SearchModel loaded, Inspection inspection) {
        clear();
        model = loaded;
        traced = inspection;
        patching.setDisable(false);
        List<Trace.Operation> ops = inspection.trace().operations();
        hint.setText(ops.isEmpty() ? "The trace kept no attention operation to knock out."
                : "Tick an operation to knock it out (block: from token -> to token):");
        List<Offer> offers = new ArrayList<>();
        for (Trace.Operation op : ops) {
            Offer offer = new Offer(new Interventions.Knockout(op.layer(), op.source(), op.destination()), String.format(Locale.ROOT,
                    "block %d: %d -> %d (%s)", op.layer(), op.source(), op.destination(), op.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
            offer.out.addListener((obs, was, now) -> {
                if (now) order.add(offer);
                else order.remove(offer);
                rerun();
            });
            offers.add(offer);
        }
        operations.getItems().setAll(offers);
    }

    /** One offered operation: what it knocks out, its label, and whether it is out now. */
    static final class Offer {
        final Interventions.Knockout knockout;
        final String text;
        final javafx.beans.property.BooleanProperty out = new javafx.beans.property.SimpleBooleanProperty();

        Offer(Interventions.Knockout knockout, String text) {
            this.knockout = knockout;
            this.text = text;
        }
    }

    /** A row of the list: a check box bound to its offer, struck through while the operation is out. */
    private static final class OfferCell extends javafx.scene.control.ListCell<Offer> {
        private final CheckBox box = new CheckBox();
        private Offer bound;

        OfferCell() {
            box.getStyleClass().add("knockout");
            box.selectedProperty().addListener((obs, was, now) -> {
                box.getStyleClass().remove("knocked-out");
                if (now) box.getStyleClass().add("knocked-out");
            });
        }

        @Override
        protected void updateItem(Offer offer, boolean empty) {
            super.updateItem(offer, empty);
            if (bound != null) box.selectedProperty().unbindBidirectional(bound.out);
            bound = empty ? null : offer;
            if (bound == null) {
                setGraphic(null);
                return;
            }
            box.setText(offer.text);
            box.setSelected(offer.out.get());
            box.selectedProperty().bindBidirectional(offer.out);
            setGraphic(box);
        }
    }

    void setOnChange(Consumer<List<Interventions.Knockout>> action) {
        onChange = action;
    }

    void setOnPatching(Consumer<dev.lookahead.figures.PatchingFigure> action) {
        onPatching = action;
    }

    /** Whether a patching map is being made. */
    boolean patchingBusy() {
        return patchingWork.running() != null;
    }

    /** Makes the patching map of the traced graph from the chosen counterfactual, off the UI thread, with progress and cancel. */
    void runPatching() {
        if (model == null || traced == null || patchingBusy()) return;
        SearchModel current = model;
        Inspection look = traced;
        dev.lookahead.interp.Corruption kind = corruption.getValue();
        long asked = generation;
        Task<dev.lookahead.interp.PatchingMap> task = new Task<>() {
            @Override
            protected dev.lookahead.interp.PatchingMap call() {
                return dev.lookahead.interp.PatchingMap.of(current, List.of(look.tokens()), kind, share -> updateProgress(share, 1.0), this::isCancelled);
            }
        };
        patchingWork.start(task, "explorer-patching", map -> {
            if (asked != generation) return;
            if (map.inputs() == 0) {
                status.accept("No patching map: " + kind.id() + " cannot change this graph's answer (or the two runs tie)");
                return;
            }
            var layout = look.input().layout();
            String[] labels = java.util.Arrays.stream(look.tokens()).mapToObj(layout::tokenName).toArray(String[]::new);
            onPatching.accept(new dev.lookahead.figures.PatchingFigure(map, labels, "activation patching from the " + kind.id() + " counterfactual"));
        }, failure -> status.accept("The patching map could not be made: " + failure.getMessage()), () -> { });
    }

    /**
     * Knocks the traced operation (block {@code layer + 1}, {@code from} into {@code to}) out, or restores it when it
     * is out already - what a click on it in the circuit view does. Returns false when the trace kept no such operation.
     */
    boolean toggle(int layer, int from, int to) {
        Interventions.Knockout wanted = new Interventions.Knockout(layer, from, to);
        for (Offer offer : operations.getItems()) {
            if (offer.knockout.equals(wanted)) {
                offer.out.set(!offer.out.get());
                return true;
            }
        }
        return false;
    }

    /** Every operation offered, in the list's order. */
    List<Interventions.Knockout> offered() {
        return operations.getItems().stream().map(offer -> offer.knockout).toList();
    }

    /** The operations knocked out now, in the order they were knocked out. */
    List<Interventions.Knockout> knockouts() {
        return order.stream().map(offer -> offer.knockout).toList();
    }

    /** The text of the outcome shown (empty when nothing is knocked out). */
    Label result() {
        return result;
    }

    /** Whether a re-run is under way. */
    boolean busy() {
        return work.running() != null;
    }

    private final BackgroundWork work = new BackgroundWork(new ProgressBar(), new Button());

    private void rerun() {
        onChange.accept(knockouts());
        undo.setDisable(order.isEmpty());
        clear.setDisable(order.isEmpty());
        if (order.isEmpty()) {
            result.setText("");
            return;
        }
        SearchModel current = model;
        Inspection look = traced;
        Interventions.Plan plan = new Interventions.Plan(knockouts(), List.of(), null);
        long asked = ++generation;
        Task<CausalEffect> task = new Task<>() {
            @Override
            protected CausalEffect call() {
                return CausalEffect.of(new Interventions(current, List.of()), look.input(), plan);
            }
        };
        work.start(task, "explorer-knockout", effect -> {
            if (asked != generation) return;
            var layout = look.input().layout();
            int before = effect.clean().predicted();
            int after = effect.intervened().predicted();
            result.setText(String.format(Locale.ROOT, "%d knocked out: the model predicts %s (p = %.2f) instead of %s (p = %.2f); logit difference"
                    + " %.2f -> %.2f.", order.size(), layout.tokenName(after), effect.intervened().probabilities()[after], layout.tokenName(before),
                    effect.clean().probabilities()[before], effect.cleanLogitDifference(), effect.intervenedLogitDifference()));
        }, failure -> status.accept("The knockout could not run: " + failure.getMessage()), () -> { });
    }
}
