package org.fundwatch.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.EntryPointNode;
import org.kie.api.KieBase;

/**
 * The fact classes a KieBase's network can match: those assignable to the type of one of its object-type nodes. A
 * fact of any other class reaches no rule, yet inserting it still costs a fact handle, a propagation context and a
 * per-class handle map in the session — with most rules evaluated outside Drools ({@link DirectRules}) about a third
 * of an encounter's facts (diagnoses, usage windows, prescriptions, DRG, fee shares …) are such facts. When the
 * network cannot be read (another KieBase implementation) every class counts as matched. Thread-safe.
 */
final class NetworkTypes {
    private final List<ObjectType> types;
    private final boolean all;
    private final Map<Class<?>, Boolean> known = new ConcurrentHashMap<>();

    private NetworkTypes(List<ObjectType> types, boolean all) {
        this.types = types;
        this.all = all;
    }

    /** No network at all (a phase whose every rule is evaluated outside Drools): nothing matches. */
    static final NetworkTypes NONE = new NetworkTypes(List.of(), false);

    static NetworkTypes of(KieBase base) {
        if (!(base instanceof InternalRuleBase rules)) {
            return new NetworkTypes(List.of(), true);
        }
        List<ObjectType> types = new ArrayList<>();
        for (EntryPointNode entryPoint : rules.getRete().getEntryPointNodes().values()) {
            for (ObjectType type : entryPoint.getObjectTypeNodes().keySet()) {
                if (type != ClassObjectType.InitialFact_ObjectType) {
                    types.add(type);
                }
            }
        }
        return new NetworkTypes(List.copyOf(types), false);
    }

    /** Whether a fact of class {@code c} can reach a rule of the network. */
    boolean matches(Class<?> c) {
        if (all) {
            return true;
        }
        Boolean m = known.get(c);
        if (m == null) {
            m = types.stream().anyMatch(t -> t.isAssignableFrom(c));
            known.put(c, m);
        }
        return m;
    }
}
