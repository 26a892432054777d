package io.fluentdl.experiments.bench;

import io.fluentdl.Model;
import io.fluentdl.data.Dataset;
import io.fluentdl.data.Mnist;
import java.nio.file.Path;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What the bench trains on. */
final class BenchData {

    private BenchData() {
    }

    /** The bench's training data: a prefix of MNIST's training set, or random pixels for tests. */
    static Dataset mnist(BenchOptions options) {
        if (options.synthetic()) {
            INDArray f = Nd4j.rand(DataType.FLOAT, options.examples(), MlpWorkload.SIZES[0]);
            INDArray l = Nd4j.zeros(DataType.FLOAT, options.examples(), 10);
            for (int i = 0; i < options.examples(); i++) {
                l.putScalar(i, i % 10, 1f);
            }
            return Model.dataset(f, l);
        }
        return Mnist.load((Path) null, options.examples(), 1).train();
    }
}
