/**
 * GET /subscribe: the subscription form (no JavaScript); it POSTs to /subscriptions.
 * Reads nothing and writes nothing.
 */
import { subscribePage } from '../../shared/domain/preference-centre';
import { httpHandler } from '../../shared/http/handler';
import { html } from '../../shared/http/response';

export const handler = httpHandler(async () => html(200, subscribePage({ action: 'subscriptions' })), { htmlErrors: true });
