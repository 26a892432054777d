@file:JvmName("MultiLabelKotlin")

package io.fluentdl.examples

import io.fluentdl.Model
import io.fluentdl.ModelSpec
import io.fluentdl.kotlin.adam
import io.fluentdl.kotlin.sequential
import io.fluentdl.nn.Activation.RELU
import io.fluentdl.nn.Activation.SIGMOID
import io.fluentdl.nn.Init.HE_UNIFORM
import io.fluentdl.nn.Loss.BINARY_CROSSENTROPY
import io.fluentdl.train.Metric.AUC
import io.fluentdl.train.Metric.EXACT_MATCH

// A multi-label classifier (four tags per point), reported with per-label and exact-match accuracy,
// macro AUC and per-label precision/recall/F1; Kotlin twin of MultiLabel.java (same data and constants).

/** Two hidden layers of 32 ReLU units, four sigmoid outputs (one per tag), binary cross-entropy, Adam. */
fun multiLabelSpec(): ModelSpec = sequential("multi-label") {
    input(MultiLabel.Points.INPUTS)
    dense(32, RELU, HE_UNIFORM)
    dense(32, RELU, HE_UNIFORM)
    output(MultiLabel.TAGS.size, SIGMOID, BINARY_CROSSENTROPY)
    metrics(EXACT_MATCH, AUC)
    optimizer = adam(0.01)
    seed = 42
}

fun main(args: Array<String>) {
    val options = ExampleArgs.parse(*args)
    val train = MultiLabel.Points.sample(MultiLabel.TRAIN, 1)
    val test = MultiLabel.Points.sample(MultiLabel.TEST, 2)
    val spec = multiLabelSpec()
    println(spec.summary())
    val model = Model.of(spec)
    val history = model.fit(train.dataset(), options.epochs(MultiLabel.QUICK_EPOCHS, MultiLabel.EPOCHS),
        MultiLabel.BATCH_SIZE, test.dataset())
    val last = history.last()
    println("after %d epochs: val_accuracy (per label) %.3f, val_exact_match %.3f, val_auc %.3f".format(
        history.epochs().size, last.validationAccuracy(), last.metrics()["val_exact_match"], last.metrics()["val_auc"]))
    val e = model.evaluate(test.dataset())
    println(("test (%d examples, kind %s): per-label accuracy %.3f, exact match %.3f, macro auc %.3f, " +
        "macro f1 %.3f; majority answer per tag: %.3f").format(e.count(), e.kind(), e.accuracy(),
        e.metric("exact_match"), e.auc(), e.metric("f1"), test.majorityAccuracy()))
    println("tag        precision  recall     f1  positives")
    for (c in e.classes()) {
        println("%-9s  %9.3f  %6.3f  %5.3f  %9d".format(MultiLabel.TAGS[c.label()], c.precision(), c.recall(), c.f1(),
            c.support()))
    }
}
