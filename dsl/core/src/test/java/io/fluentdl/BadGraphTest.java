package io.fluentdl;

import static io.fluentdl.nn.Activation.IDENTITY;
import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import io.fluentdl.graph.Input;
import io.fluentdl.graph.Layers;
import io.fluentdl.graph.Node;
import io.fluentdl.graph.Op;
import io.fluentdl.nn.Loss;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A graph that cannot be built fails in build() with one line per problem naming the node, never inside DL4J. */
class BadGraphTest {

    private static Op out() {
        return Layers.output(1, SIGMOID, Loss.BINARY_CROSSENTROPY);
    }

    /** The one problem {@code build} reports, its message on one line. */
    private static Problem onlyProblem(Supplier<GraphSpec> build) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, build::get);
        assertEquals(1, e.problems().size(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void unknownInputNameSaysWhichNamesExist() {
        Problem p = onlyProblem(() -> Functional.named("m").input("x", 4)
                .add("d", Layers.dense(4, RELU), "y")
                .add("out", out(), "d").outputs("out").build());

        assertEquals("Model 'm', node 'd' (Dense): reads 'y', which is neither an input nor a node; known: x, d, out. "
                + "Fix the name or add that node.", p.message());
    }

    @Test
    void cycleIsReportedWithItsPath() {
        Problem p = onlyProblem(() -> Functional.named("m").input("x", 4)
                .add("a", Layers.add(), "x", "b")
                .add("b", Layers.dense(4, RELU), "a")
                .add("out", out(), "b").outputs("out").build());

        assertEquals("Model 'm': the graph has a cycle: b -> a -> b; a node cannot read its own output. Break the cycle.",
                p.message());
    }

    @Test
    void addOfTwoShapesNamesBoth() {
        Node x = Input.of("x", 4);
        Node d = Layers.dense(3, RELU).apply(x);
        Problem p = onlyProblem(() -> Functional.model("m", x, out().apply(Layers.add(x, d))).build());

        assertEquals("Model 'm', node 'add_1' (Add): Add needs inputs of one shape, got x (None, 4), dense_1 (None, 3). "
                + "Make the shapes match, e.g. with a dense layer of the right units.", p.message());
    }

    @Test
    void danglingNodeLeadsToNoOutput() {
        Problem p = onlyProblem(() -> Functional.named("m").input("x", 4)
                .add("used", Layers.dense(4, RELU), "x")
                .add("unused", Layers.dense(4, IDENTITY), "used")
                .add("out", out(), "used").outputs("out").build());

        assertEquals("Model 'm', node 'unused' (Dense): 'unused' leads to no output (read by []). "
                + "Connect it to an output, or remove it.", p.message());
    }

    @Test
    void unusedInputLeadsToNoOutput() {
        Node x = Input.of("x", 4);
        Node spare = Input.of("spare", 2);
        Problem p = onlyProblem(() -> Functional.model("m", List.of(x, spare), List.of(out().apply(x))).build());

        assertEquals("Model 'm', input 'spare': input 'spare' leads to no output. Use it, or leave it out of the inputs.",
                p.message());
    }

    @Test
    void inputNotAmongTheModelsInputs() {
        Node x = Input.of("x", 4);
        Node other = Input.of("other", 4);
        Problem p = onlyProblem(() -> Functional.model("m", x, out().apply(Layers.add(x, other))).build());

        assertEquals("Model 'm': the outputs read input 'other', which is not among the model's inputs [x]. Add it to the inputs.",
                p.message());
    }

    @Test
    void outputsMustBeOutputLayers() {
        Problem p = onlyProblem(() -> Functional.named("m").input("x", 4)
                .add("d", Layers.dense(4, RELU), "x").outputs("d").build());

        assertEquals("Model 'm': output 'd' is a Dense, not an output(...) layer. End each output with "
                + "Layers.output(units, activation, loss).", p.message());
    }

    @Test
    void denseOnImagesAsksForFlatten() {
        Node image = Input.of("image", 8, 8, 1);
        Node conv = Layers.conv2d(4, 3, RELU).apply(image);
        Problem p = onlyProblem(() -> Functional.model("m", image, out().apply(conv)).build());

        assertEquals("Model 'm', node 'output_1' (Output): Output needs vectors, but 'conv2d_1' gives images (None, 6, 6, 4). "
                + "Add Layers.flatten() or Layers.globalAvgPool() before it.", p.message());
    }
}
