// Stops watching: closes the connection and DELETEs the WHEP resource. Returns the DELETE status.
async ([name, pass]) => {
  const viewer = window.plenumViewers[name];
  const pc = viewer.pc;
  viewer.pc = null;
  clearInterval(viewer.stallWatch);
  if (pc) pc.close();
  const response = await fetch(viewer.location, {method: 'DELETE', headers: {'Authorization': 'Bearer ' + pass}});
  return response.status;
}
