// Ends a WHIP session published by publish.js: DELETE of its resource, then the tracks stop.
// Returns {status, publishedMs} where publishedMs is the time media flowed.
async (location) => {
  const publisher = window.plenumPublishers[location];
  const publishedMs = Date.now() - publisher.connectedAt;
  const response = await fetch(location, {method: 'DELETE',
    headers: publisher.credential == null ? {} : {'Authorization': 'Bearer ' + publisher.credential}});
  publisher.pc.close();
  publisher.stream.getTracks().forEach(track => track.stop());
  delete window.plenumPublishers[location];
  return {status: response.status, publishedMs};
}
