package io.fluentdl.internal.dl4j.fast;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Float arrays' memory as Java buffers, for element-wise passes that run as Java loops: each libnd4j op call
 * costs 25-165 µs of CPU besides its work (README, Performance), and the JIT vectorizes a loop over heap
 * arrays, so a pass copies chunks between the native buffer and heap arrays.
 */
final class NativeFloats {

    private NativeFloats() {
    }

    /** Whether every array is float and contiguous in C order (or a vector), so element i of each is {@code buffer.get(i)}. */
    static boolean contiguous(INDArray... arrays) {
        for (INDArray x : arrays) {
            if (x == null || x.dataType() != DataType.FLOAT || x.length() >= Integer.MAX_VALUE || x.elementWiseStride() != 1
                    || (x.rank() > 1 && !x.isVector() && x.ordering() != 'c')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The array's elements as a native-order buffer over its own memory. A view's data buffer is itself a view
     * whose pointer starts at the buffer's offset, which {@code x.offset()} counts too (pinned by DirectGemmTest).
     */
    static FloatBuffer buffer(INDArray x) {
        Pointer p = x.data().addressPointer();
        long start = p.position() + x.offset() - x.data().offset();
        FloatPointer f = new FloatPointer(p);
        f.position(start).limit(start + x.length()).capacity(start + x.length());
        return f.asBuffer();
    }

    /** A copy of a contiguous float array's elements on the heap. */
    static float[] read(INDArray x) {
        float[] out = new float[(int) x.length()];
        buffer(x).get(0, out, 0, out.length);
        return out;
    }

    /** Writes {@code values} over a contiguous float array's elements. */
    static void write(INDArray x, float[] values) {
        buffer(x).put(0, values, 0, values.length);
    }
}
