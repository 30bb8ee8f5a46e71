package dev.orchard.engine;

import dev.orchard.probe.CheckTarget;
import dev.orchard.probe.ProbeResult;
import dev.orchard.probe.Status;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One check (dns, tcp 443, tls 443/tcp …) of one probed host: the unit JUnit counts, filters by tag and reruns.
 * Its name carries the host, so reports that flatten the tree (Surefire, Jenkins) still say what was checked.
 * It carries the row's tags plus its own kind, so {@code -Dgroups="icloud & tls"} selects exactly these.
 */
final class CheckDescriptor extends AbstractTestDescriptor implements Node<EngineContext> {

    static final String SEGMENT = "check";

    private final CheckTarget target;
    private final Set<TestTag> tags;

    /** With {@code extraTags} besides the row's and the check's, such as the one IP family this machine routes. */
    CheckDescriptor(UniqueId id, CheckTarget target, Set<String> extraTags) {
        super(id, target.name(),
                CatalogSources.of(target.endpoint().location()).orElse(null));
        this.target = target;
        Set<TestTag> all = new LinkedHashSet<>();
        target.endpoint().tags().forEach(tag -> all.add(TestTag.create(tag)));
        target.check().tags().forEach(tag -> all.add(TestTag.create(tag)));
        extraTags.forEach(tag -> all.add(TestTag.create(tag)));
        this.tags = Set.copyOf(all);
    }

    CheckTarget target() {
        return target;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public Set<TestTag> getTags() {
        return tags;
    }

    @Override
    public SkipResult shouldBeSkipped(EngineContext context) {
        ProbeResult result = context.awaitResult(this);
        if (result.status() != Status.SKIPPED) {
            return SkipResult.doNotSkip();
        }
        context.publish(this, result);
        return SkipResult.skip(result.message());
    }

    @Override
    public EngineContext execute(EngineContext context, DynamicTestExecutor dynamicTestExecutor) {
        ProbeResult result = context.awaitResult(this);
        context.publish(this, result);
        if (result.status() == Status.FAILED) {
            throw new CheckFailure(result);
        }
        return context;
    }
}
