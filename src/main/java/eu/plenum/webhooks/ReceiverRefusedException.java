package eu.plenum.webhooks;

import eu.plenum.shared.PlenumException;

/** A receiver URL that tenant data may not go to: not https, or a host that resolves to a non-public address. */
public class ReceiverRefusedException extends PlenumException {

    ReceiverRefusedException(String detail) {
        super("receiver-refused", detail);
    }

    @Override
    public int status() {
        return 422;
    }
}
